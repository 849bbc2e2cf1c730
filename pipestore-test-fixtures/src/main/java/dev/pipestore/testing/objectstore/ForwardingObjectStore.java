package dev.pipestore.testing.objectstore;

import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.ObjectInfo;
import dev.pipestore.objectstore.ObjectPage;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import java.io.InputStream;
import java.util.Optional;

/** Passes every call to a real store; tests override one method to inject a real failure at the port. */
public class ForwardingObjectStore implements ObjectStore {

    private final ObjectStore delegate;

    public ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public StoredObject put(String key, InputStream content, PutOptions options) {
        return delegate.put(key, content, options);
    }

    @Override
    public InputStream get(String key, ByteRange range) {
        return delegate.get(key, range);
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        return delegate.head(key);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public ObjectPage list(String prefix, String continuation, int maxKeys) {
        return delegate.list(prefix, continuation, maxKeys);
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
}
