package dev.pipestore.ingest;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.objectstore.ChecksummedUploads;
import dev.pipestore.objectstore.ObjectNames;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What audio and text ingest share: the ports, naming, the clock, and the store-then-check step.
 *
 * @param maxUploadBytes the largest upload accepted
 * @param uploadMemory the heap uploads in flight may hold instead of a temporary file
 * @param listener told how each ingest ended
 */
record IngestContext(ObjectStore objects, Catalog catalog, ObjectNames names, Clock clock, String bucket, SpoolDirectory spool,
        long maxUploadBytes, UploadMemory uploadMemory, IngestListener listener) {

    private static final Logger LOG = LoggerFactory.getLogger(IngestContext.class);

    /**
     * {@code failure} as the caller should see it: when the store closed under a running upload (and deleted its
     * temporary file), the closing, not the caller's input, is why it failed. A backend's failure stays as it is: it
     * may say that a row was sent and could still land.
     */
    RuntimeException failed(String name, RuntimeException failure) {
        if (spool.isClosed() && !(failure instanceof BackendUnavailableException)) {
            return new dev.pipestore.StoreException("the store was closed while " + name + " was being ingested; nothing of"
                    + " it was stored", failure);
        }
        return failure;
    }

    /**
     * A row write the catalog did not confirm (a stalled connection, a timeout): it may still land, so the caller is
     * told so, and which id to look for. The object stays; if the row never lands it is an orphan for the sweep.
     */
    static BackendUnavailableException unconfirmed(String what, UUID id, BackendUnavailableException failure) {
        return new BackendUnavailableException(failure.backend(), "the row of " + what + " " + id + " was sent but not"
                + " confirmed, so it may be recorded all the same; look for that id before uploading again, or upload"
                + " with an idempotency key, which makes the retry safe (" + failure.getMessage() + ")", failure);
    }

    SpooledUpload spool(InputStream content, SpooledUpload.ChunkInspector inspector) {
        SpooledUpload spooled = SpooledUpload.spool(content, spool, maxUploadBytes, uploadMemory, inspector);
        if (spooled.size() == 0) {
            spooled.close();
            throw new dev.pipestore.InvalidInputException("file", "zero-byte file");
        }
        return spooled;
    }

    /**
     * Stores the spooled bytes under {@code key} and checks the store got exactly them. A store that can check a
     * SHA-256 given up front gets the one computed while spooling, so the bytes are not hashed again on this side.
     */
    StoredObject putChecked(String key, SpooledUpload spooled, PutOptions options) {
        StoredObject stored;
        if (objects instanceof ChecksummedUploads checked) {
            stored = spooled.inMemory()
                    ? checked.putBytes(key, spooled.bytes(), (int) spooled.size(), options, spooled.sha256())
                    : checked.putFile(key, spooled.file(), options, spooled.sha256());
        } else {
            try (InputStream in = spooled.open()) {
                stored = objects.put(key, in, options);
            } catch (IOException e) {
                throw new dev.pipestore.StoreException("could not read back the spooled upload " + spooled.describe(), e);
            }
        }
        if (stored.size() != spooled.size() || !stored.sha256().equals(spooled.sha256())) {
            removeOrphan(key);
            throw AudioService.mismatch(key, spooled, stored);
        }
        return stored;
    }

    /** Removes an object no row refers to; when that fails the orphan stays for the sweep, which is safe. */
    void removeOrphan(String key) {
        try {
            objects.delete(key);
        } catch (RuntimeException e) {
            LOG.warn("object {} has no catalog row and could not be removed now ({}); the orphan sweep will remove it",
                    key, e.getMessage());
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    String filePath(String key) {
        return bucket + "/" + key;
    }
}
