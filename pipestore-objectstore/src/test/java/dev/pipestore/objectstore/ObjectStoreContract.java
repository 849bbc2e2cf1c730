package dev.pipestore.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.StoreException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link ObjectStore} adapter must have, run against the real backend: each adapter's test extends
 * this class and says how to open a store on a fresh bucket and how to remove it afterwards.
 *
 * <p>The tests come in groups ({@link PutContract}, {@link ReadContract}, {@link ListContract}, {@link KeyContract},
 * {@link ChecksummedUploadContract});
 * each test works under a key prefix of its own, so they can share the class's bucket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ObjectStoreContract implements PutContract, ReadContract, ListContract, KeyContract,
        ChecksummedUploadContract {

    private static final AtomicInteger TEST_NUMBER = new AtomicInteger();

    private ObjectStore store;
    private String prefix;

    /** Opens the store under test on a bucket no other test class uses. */
    protected abstract ObjectStore openStore() throws Exception;

    /** The bucket {@link #openStore()} used. */
    protected abstract String bucket();

    /** Closes the store and removes its bucket; subclasses that override it call {@code super.closeStore()} first. */
    protected void closeStore() throws Exception {
        store.close();
    }

    @Override
    public void assertNoUnfinishedUploads() {
        // Only backends with resumable uploads can leave some behind; adapters for those override this.
    }

    @BeforeAll
    final void openStoreForClass() throws Exception {
        store = openStore();
    }

    @AfterAll
    final void closeStoreForClass() throws Exception {
        if (store != null) {
            closeStore();
        }
    }

    @BeforeEach
    final void giveTestItsOwnPrefix(TestInfo test) {
        String method = test.getTestMethod().map(m -> m.getName()).orElse("test");
        prefix = "t/" + method + "-" + TEST_NUMBER.incrementAndGet() + "/";
    }

    @Override
    public final ObjectStore store() {
        return store;
    }

    @Override
    public final String prefix() {
        return prefix;
    }

    @Override
    public final String key(String name) {
        return prefix + name;
    }

    @Test
    void pingSucceedsOnAnOpenStore() {
        store.ping();
    }

    @Test
    void describeNamesTheBucket() {
        assertThat(store.describe()).contains(bucket());
    }

    /** A call after close is the caller's mistake: it fails saying so, and writes nothing. */
    @Test
    void aClosedStoreRefusesEveryCallSayingItIsClosed() throws Exception {
        ObjectStore closed = openStore();
        closed.close();
        String key = key("after-close.bin");
        List<ThrowingCallable> calls = new ArrayList<>(List.of(
                () -> closed.put(key, new ByteArrayInputStream(new byte[] {1}), PutOptions.of("application/octet-stream")),
                () -> closed.get(key), () -> closed.head(key), () -> closed.delete(key), () -> closed.list(prefix(), null, 10),
                closed::ping));
        if (closed instanceof ChecksummedUploads checked) {
            calls.add(() -> checked.putBytes(key, new byte[] {1}, 1, PutOptions.of("application/octet-stream"),
                    "4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a"));
        }

        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(StoreException.class).hasMessageContaining("is closed; cannot");
        }
        assertThat(store.head(key)).as("nothing written").isEmpty();
    }
}
