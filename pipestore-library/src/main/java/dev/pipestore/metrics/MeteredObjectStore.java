package dev.pipestore.metrics;

import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.ChecksummedUploads;
import dev.pipestore.objectstore.ObjectInfo;
import dev.pipestore.objectstore.ObjectPage;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An object store that times every call by operation and outcome, and counts the bytes written and read by data type.
 * A get is timed until its stream is open (time to first byte); its bytes are counted as they are read.
 */
public class MeteredObjectStore implements ObjectStore {

    static final String OPERATIONS = "pipestore.objectstore.operations";
    static final String BYTES_WRITTEN = "pipestore.objectstore.written";
    static final String BYTES_READ = "pipestore.objectstore.read";

    private final ObjectStore delegate;
    private final OperationTimer put;
    private final OperationTimer get;
    private final OperationTimer head;
    private final OperationTimer delete;
    private final OperationTimer list;
    private final Counter[] written = new Counter[DataTypeTags.count()];
    private final Counter[] read = new Counter[DataTypeTags.count()];

    MeteredObjectStore(ObjectStore delegate, String backend, StoreMeters meters) {
        this.delegate = delegate;
        Tags tags = Tags.of("backend", backend);
        this.put = timer(meters, tags, "put");
        this.get = timer(meters, tags, "get");
        this.head = timer(meters, tags, "head");
        this.delete = timer(meters, tags, "delete");
        this.list = timer(meters, tags, "list");
        for (int i = 0; i < written.length; i++) {
            Tags typed = tags.and("data_type", DataTypeTags.ofIndex(i));
            written[i] = meters.counter(BYTES_WRITTEN, "Bytes stored in the object store", "bytes", typed);
            read[i] = meters.counter(BYTES_READ, "Bytes read from the object store", "bytes", typed);
        }
    }

    /**
     * Meters {@code delegate}, keeping its {@link ChecksummedUploads} ability when it has one.
     *
     * @param backend the {@code backend} tag: {@code s3} or {@code filesystem}
     */
    public static MeteredObjectStore of(ObjectStore delegate, String backend, StoreMeters meters) {
        return delegate instanceof ChecksummedUploads
                ? new Checksummed(delegate, backend, meters)
                : new MeteredObjectStore(delegate, backend, meters);
    }

    private static OperationTimer timer(StoreMeters meters, Tags tags, String operation) {
        return new OperationTimer(meters, OPERATIONS, "Object store calls by operation, backend and outcome",
                tags.and("operation", operation), true, true);
    }

    @Override
    public StoredObject put(String key, InputStream content, PutOptions options) {
        return timedPut(() -> delegate.put(key, content, options));
    }

    @Override
    public InputStream get(String key, ByteRange range) {
        long start = System.nanoTime();
        InputStream stream;
        try {
            stream = delegate.get(key, range);
        } catch (RuntimeException e) {
            get.failure(start, e);
            throw e;
        }
        get.success(start);
        return new CountingInputStream(stream, read[DataTypeTags.indexOfKey(key)]);
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        long start = System.nanoTime();
        try {
            return head.succeeded(start, delegate.head(key));
        } catch (RuntimeException e) {
            head.failure(start, e);
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        long start = System.nanoTime();
        try {
            delegate.delete(key);
        } catch (RuntimeException e) {
            delete.failure(start, e);
            throw e;
        }
        delete.success(start);
    }

    @Override
    public ObjectPage list(String prefix, String continuation, int maxKeys) {
        long start = System.nanoTime();
        try {
            return list.succeeded(start, delegate.list(prefix, continuation, maxKeys));
        } catch (RuntimeException e) {
            list.failure(start, e);
            throw e;
        }
    }

    @Override
    public void ping() {
        delegate.ping();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "Metered[" + delegate + "]";
    }

    /** Every kind of put: timed, and its bytes counted under the data type of its key. */
    StoredObject timedPut(Supplier<StoredObject> call) {
        long start = System.nanoTime();
        StoredObject stored;
        try {
            stored = call.get();
        } catch (RuntimeException e) {
            put.failure(start, e);
            throw e;
        }
        put.success(start);
        written[DataTypeTags.indexOfKey(stored.key())].increment(stored.size());
        return stored;
    }

    /** The metered store of an adapter that also takes checksummed uploads. */
    private static final class Checksummed extends MeteredObjectStore implements ChecksummedUploads {

        private final ChecksummedUploads uploads;

        Checksummed(ObjectStore delegate, String backend, StoreMeters meters) {
            super(delegate, backend, meters);
            this.uploads = (ChecksummedUploads) delegate;
        }

        @Override
        public StoredObject putFile(String key, Path file, PutOptions options, String sha256) {
            return timedPut(() -> uploads.putFile(key, file, options, sha256));
        }

        @Override
        public StoredObject putBytes(String key, byte[] content, int length, PutOptions options, String sha256) {
            return timedPut(() -> uploads.putBytes(key, content, length, options, sha256));
        }
    }
}
