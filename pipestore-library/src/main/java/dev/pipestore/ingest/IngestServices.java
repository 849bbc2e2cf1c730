package dev.pipestore.ingest;

import dev.pipestore.catalog.AudioFileDeletion;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.objectstore.ObjectNames;
import dev.pipestore.objectstore.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

/** Builds the ingest services over one object store and catalog. */
public final class IngestServices {

    /** The largest upload accepted by default: 5 GiB, S3's limit for a single PUT. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;

    private final AudioService audio;
    private final TextService texts;
    private final Orphans orphans;
    private final SpoolDirectory spool;

    public IngestServices(ObjectStore objects, Catalog catalog, ObjectNames names, Clock clock, String bucket, Path tempDir,
            long maxUploadBytes) {
        this(objects, catalog, names, clock, bucket, tempDir, maxUploadBytes,
                UploadMemory.ofBudget(StoreConfig.defaultUploadMemoryBytes()), IngestListener.NONE, id -> {});
    }

    /**
     * @param uploadMemory the heap uploads may hold instead of temporary files, shared by every ingest of these services
     * @param listener told how each audio and text ingest ended
     * @param deletedAudio told what each audio file deletion removed, after its rows are gone: to forget what was cached
     */
    public IngestServices(ObjectStore objects, Catalog catalog, ObjectNames names, Clock clock, String bucket, Path tempDir,
            long maxUploadBytes, UploadMemory uploadMemory, IngestListener listener, Consumer<AudioFileDeletion> deletedAudio) {
        this.spool = new SpoolDirectory(tempDir);
        spool.deleteStale(clock.instant());
        IngestContext context = new IngestContext(objects, catalog, names, clock, bucket, spool, maxUploadBytes,
                uploadMemory, listener);
        this.audio = new AudioService(context, deletedAudio);
        this.texts = new TextService(context);
        this.orphans = new Orphans(objects, catalog, clock);
    }

    public AudioService audio() {
        return audio;
    }

    public TextService texts() {
        return texts;
    }

    public Orphans orphans() {
        return orphans;
    }

    /**
     * Deletes the temporary files of uploads still running, which cannot finish once the store closes; a process exiting
     * right after would otherwise leave them for a day. Call when closing the store.
     */
    public void deleteUnfinishedUploads() {
        spool.deleteHeld();
    }
}
