package dev.pipestore.objectstore;

import java.util.Map;

/** What the contract's test groups need from the adapter test that runs them: the store and a key space of their own. */
interface ContractFixture {

    /** The store under test, working in a bucket of its own for the whole test class. */
    ObjectStore store();

    /** A key unique to the running test: {@code name} under a prefix no other test uses. */
    String key(String name);

    /** The prefix {@link #key} puts names under, ending in {@code /}. */
    String prefix();

    /** Fails when the backend holds an unfinished upload (for S3, a multipart upload neither completed nor aborted). */
    void assertNoUnfinishedUploads();

    default StoredObject putText(String key, String text) {
        return store().put(key, TestContent.text(text), PutOptions.of("text/plain"));
    }

    default StoredObject putText(String key, String text, String contentType, Map<String, String> metadata) {
        return store().put(key, TestContent.text(text), new PutOptions(contentType, -1, metadata));
    }

    default String readText(String key) {
        return TestContent.readText(store().get(key));
    }

    default String readText(String key, ByteRange range) {
        return TestContent.readText(store().get(key, range));
    }
}
