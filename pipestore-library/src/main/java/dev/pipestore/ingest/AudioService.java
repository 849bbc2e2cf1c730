package dev.pipestore.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.BackendUnavailableException;
import dev.pipestore.ConflictException;
import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.LeaseConflictException;
import dev.pipestore.audio.AudioInfo;
import dev.pipestore.audio.AudioProbe;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileDeletion;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioFiles;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimLimits;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.StorageTier;
import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.DataType;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import dev.pipestore.objectstore.VerifiedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio files: ingest (probe, store the bytes, then the row), read, list, status changes and deletion.
 *
 * <p>Write order is the invariant: the object is stored and its SHA-256 checked before the row is committed, so a row
 * never points at a missing object. A failure after the object write leaves at most an orphan object, which
 * {@link Orphans} finds once it is older than a grace period.
 */
public final class AudioService {

    private static final Logger LOG = LoggerFactory.getLogger(AudioService.class);

    private final IngestContext context;
    private final AudioFiles audioFiles;
    private final AudioProbe probe = new AudioProbe();

    /** Told what each deletion removed, after the commit, so cached reads of it are dropped. */
    private final Consumer<AudioFileDeletion> deleted;

    AudioService(IngestContext context, Consumer<AudioFileDeletion> deleted) {
        this.context = context;
        this.audioFiles = context.catalog().audioFiles();
        this.deleted = deleted;
    }

    /** The heap budget uploads share with text ingest, for tests to see it given back. */
    UploadMemory uploadMemory() {
        return context.uploadMemory();
    }

    /** Ingests the file at {@code file}, as {@link #ingest(InputStream, AudioUpload)} does; the upload names it. */
    public AudioFile ingest(Path file, AudioUpload upload) {
        try (InputStream content = LocalFiles.open(file)) {
            return ingest(content, upload);
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file, e);
        }
    }

    /**
     * Ingests audio from {@code content}: refuses anything that does not parse as audio or contradicts its declared
     * name or type, then stores the object, then the row. A retry with the same idempotency key returns the first
     * record and stores nothing.
     *
     * @throws dev.pipestore.InvalidInputException when the content is not acceptable audio; nothing is stored
     * @throws ConflictException when the uploader already used the idempotency key for different content
     */
    public AudioFile ingest(InputStream content, AudioUpload upload) {
        try (SpooledUpload spooled = context.spool(content, SpooledUpload.ChunkInspector.NONE)) {
            AudioInfo info = spooled.inMemory()
                    ? probe.probe(ByteBuffer.wrap(spooled.bytes(), 0, (int) spooled.size()), upload.originalName(), upload.contentType())
                    : probe.probe(spooled.file(), upload.originalName(), upload.contentType());
            Optional<AudioFile> earlier = earlierIngest(upload, spooled.sha256());
            earlier.ifPresent(file -> context.listener().deduplicated(DataType.RAW_AUDIO));
            return earlier.orElseGet(() -> store(spooled, info, upload));
        } catch (RuntimeException e) {
            RuntimeException failure = context.failed(upload.originalName(), e);
            context.listener().failed(DataType.RAW_AUDIO, failure);
            throw failure;
        }
    }

    /** The audio file's record, or empty when there is none. */
    public Optional<AudioFile> find(UUID id) {
        return audioFiles.find(id);
    }

    /** @throws dev.pipestore.NotFoundException when there is no such audio file */
    public AudioFile get(UUID id) {
        return audioFiles.get(id);
    }

    /** Newest first. */
    public Page<AudioFile> list(AudioFileQuery query, PageRequest page) {
        return audioFiles.list(query, page);
    }

    /**
     * Opens the audio bytes; the caller closes the stream. They are checked against the recorded size and SHA-256 as
     * they are read: damaged content ends in an {@link IntegrityException} before its last bytes are handed over.
     */
    public InputStream content(UUID id) {
        AudioFile file = get(id);
        return new VerifiedContent(context.objects().get(file.objectKey()), file.fileSize(), file.contentSha256(),
                "audio file " + id);
    }

    /** Opens part of the audio bytes; the caller closes the stream. */
    public InputStream content(UUID id, ByteRange range) {
        return context.objects().get(get(id).objectKey(), range);
    }

    /**
     * Moves the file to {@code next} if {@link AudioStatus#canMoveTo} allows it, whoever holds its lease (the lease
     * ends): the operator's override. Moving to the current status is a no-op.
     *
     * @throws ConflictException when the transition is not allowed or another caller changed the status first
     */
    public AudioFile updateStatus(UUID id, AudioStatus next) {
        return updateStatus(id, next, null, null);
    }

    /**
     * Moves the file to {@code next} for the worker {@code holder}, as {@link #updateStatus(UUID, AudioStatus)} does,
     * but only while {@code holder} owns the file's unexpired lease; a file nobody claimed moves for anyone. This is how
     * a worker reports its claimed work done: the lease ends, and a worker whose lease ran out learns it here instead of
     * overwriting the work of whoever claimed the file since.
     *
     * @throws dev.pipestore.LeaseConflictException when the lease expired or another worker holds it
     * @throws ConflictException when the transition is not allowed or another caller changed the status first
     */
    public AudioFile updateStatus(UUID id, AudioStatus next, String holder) {
        return updateStatus(id, next, null, Objects.requireNonNull(holder, "holder"));
    }

    /**
     * Moves the file to {@code next} and replaces its metadata in one write, so a failure leaves both as they were.
     *
     * @param metadata the new metadata object, or {@code null} to keep it; checked before anything is written
     * @param holder the worker that holds the lease, as in {@link #updateStatus(UUID, AudioStatus, String)}, or
     *     {@code null} for the operator's override
     * @throws dev.pipestore.InvalidInputException naming {@code metadata}; nothing changed
     * @throws dev.pipestore.LeaseConflictException when the lease expired or another worker holds it; nothing changed
     * @throws ConflictException when the transition is not allowed or another caller changed the status first
     */
    public AudioFile updateStatus(UUID id, AudioStatus next, ObjectNode metadata, String holder) {
        if (next == null) {
            throw new InvalidInputException("status", "is required: the status to move the file to");
        }
        ObjectNode checked = metadata == null ? null : UploadChecks.metadata(metadata);
        AudioFile current = get(id);
        if (current.status() == next) {
            if (checked != null) {
                return writeMetadata(id, checked, holder);
            }
            if (holder != null) {
                requireLeaseHolder(id, holder, "its status stays " + next.wireName());
            }
            return current;
        }
        if (!current.status().canMoveTo(next)) {
            throw new ConflictException("audio file " + id + " is " + current.status().wireName() + " and cannot move to "
                    + next.wireName() + "; allowed: " + current.status().allowedNext().stream().map(AudioStatus::wireName).toList());
        }
        return holder == null ? audioFiles.updateStatus(id, current.status(), next, checked)
                : audioFiles.updateStatus(id, current.status(), next, checked, holder, context.now());
    }

    /** A file nobody claimed is anyone's to act on; a claimed one only its unexpired lease holder's. */
    private void requireLeaseHolder(UUID id, String holder, String outcome) {
        Optional<LeaseConflictException> refused = audioFiles.lease(id)
                .flatMap(lease -> LeaseConflictException.refusing(id, lease, holder, context.now(), outcome));
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /**
     * Extends {@code holder}'s unexpired lease on a claimed file to {@code leaseSeconds} from now, within
     * {@link dev.pipestore.catalog.ClaimLimits}.
     *
     * @throws dev.pipestore.LeaseConflictException when the file is not leased, the lease expired or another holds it
     * @throws dev.pipestore.InvalidInputException naming {@code lease_seconds} or {@code owner}
     */
    public ClaimedAudioFile renewLease(UUID id, String holder, long leaseSeconds) {
        return audioFiles.renewLease(id, holder, ClaimLimits.leaseOfSeconds(leaseSeconds), context.now());
    }

    /**
     * Gives a claimed file back without completing it: it returns to the status it was claimed from and can be claimed
     * again at once. {@code holder} must own the unexpired lease; {@code null} is the operator's override, releasing
     * any lease.
     *
     * @throws dev.pipestore.LeaseConflictException when the file is not leased, the lease expired or another holds it
     */
    public AudioFile releaseLease(UUID id, String holder) {
        return audioFiles.releaseLease(id, holder, context.now());
    }

    /**
     * Hands out up to {@code request.limit()} files, oldest first, that no other caller holds, moving them to
     * {@code request.to()} under a lease. Moving a claimed file on with {@link #updateStatus(UUID, AudioStatus, String)}
     * completes the work and ends the lease, {@link #renewLease} keeps it longer, {@link #releaseLease} gives it back; a
     * lease left to expire makes the file claimable again.
     *
     * @return the claimed files with their leases, possibly none
     * @throws ConflictException when the state machine does not allow moving from {@code from} to {@code to}
     */
    public List<ClaimedAudioFile> claim(ClaimRequest request) {
        if (!request.from().canMoveTo(request.to())) {
            throw new ConflictException("audio files cannot move from " + request.from().wireName() + " to "
                    + request.to().wireName() + "; allowed from " + request.from().wireName() + ": "
                    + request.from().allowedNext().stream().map(AudioStatus::wireName).toList());
        }
        return audioFiles.claim(request.from(), request.to(), request.limit(), request.lease(), request.owner(), context.now());
    }

    /** Replaces the metadata object, whoever holds the file's lease (the operator's override). */
    public AudioFile updateMetadata(UUID id, ObjectNode metadata) {
        return updateMetadata(id, metadata, null);
    }

    /**
     * Replaces the metadata object for the worker {@code holder}: a leased file only while {@code holder} owns its
     * unexpired lease, which stays as it is; {@code null} is the operator's override.
     *
     * @throws dev.pipestore.LeaseConflictException when the lease expired or another worker holds it; nothing changed
     */
    public AudioFile updateMetadata(UUID id, ObjectNode metadata, String holder) {
        if (metadata == null) {
            throw new InvalidInputException("metadata", "is required: the object that replaces the metadata"
                    + " ({} clears it)");
        }
        return writeMetadata(id, UploadChecks.metadata(metadata), holder);
    }

    private AudioFile writeMetadata(UUID id, ObjectNode checked, String holder) {
        return holder == null ? audioFiles.updateMetadata(id, checked)
                : audioFiles.updateMetadata(id, checked, holder, context.now());
    }

    /**
     * Deletes the row, then the object: a crash in between leaves an orphan object, never a row without its bytes.
     *
     * @return whether there was such a file
     * @throws ConflictException when transcriptions or results still refer to it; see {@link #deleteWithDependents}
     */
    public boolean delete(UUID id) {
        Optional<AudioFile> file = audioFiles.find(id);
        if (file.isEmpty() || !audioFiles.delete(id)) {
            return false;
        }
        forget(AudioFileDeletion.ofFileAlone(file.get()));
        return true;
    }

    /**
     * Deletes the audio file with its transcriptions, their translations and every analysis result of either (one
     * transaction), drops what was cached of them, then deletes the object, as {@link #delete} does. For erasure:
     * nothing derived from the recording is left to read.
     *
     * @return what was deleted, or empty when there was no such file
     */
    public Optional<AudioFileDeletion> deleteWithDependents(UUID id) {
        Optional<AudioFileDeletion> deletion = audioFiles.deleteWithDependents(id);
        deletion.ifPresent(this::forget);
        return deletion;
    }

    private void forget(AudioFileDeletion deletion) {
        // An audit trail of what left the store: erasure requests are asked about later.
        LOG.info("deleted audio file {} ({}) with {} transcriptions, {} translations and {} analysis results",
                deletion.file().id(), deletion.file().objectKey(), deletion.transcriptionIds().size(),
                deletion.translations().size(), deletion.analysisResults());
        deleted.accept(deletion);
        context.removeOrphan(deletion.file().objectKey());
    }

    private Optional<AudioFile> earlierIngest(AudioUpload upload, String sha256) {
        if (upload.idempotencyKey() != null) {
            Optional<AudioFile> earlier = audioFiles.findByIdempotencyKey(upload.uploadedBy(), upload.idempotencyKey());
            if (earlier.isPresent()) {
                return Optional.of(requireSameUpload(earlier.get(), sha256, upload));
            }
        }
        if (!upload.dedupeByContent()) {
            return Optional.empty();
        }
        Optional<AudioFile> same = audioFiles.findBySha256(upload.uploadedBy(), sha256);
        if (same.isPresent() && upload.idempotencyKey() != null) {
            // The key now names the file that answered, so another upload under it is a conflict, not a new file.
            return audioFiles.claimIdempotencyKey(same.get().id(), upload.idempotencyKey());
        }
        return same;
    }

    private AudioFile store(SpooledUpload spooled, AudioInfo info, AudioUpload upload) {
        String key = context.names().newKey(DataType.RAW_AUDIO, upload.originalName());
        PutOptions options = new PutOptions(AudioContentTypes.of(info.format()), spooled.size(), Map.of());
        StoredObject stored = context.putChecked(key, spooled, options);
        var now = context.now();
        AudioFile row = new AudioFile(UUID.randomUUID(), context.filePath(key), stored.size(), info.roundedSeconds(), now,
                info.format(), AudioStatus.UPLOADED, upload.metadata(), stored.sha256(), upload.originalName(), key,
                StorageTier.STANDARD, info.durationSeconds(), info.sampleRate(), info.channels(), upload.language(),
                upload.idempotencyKey(), now, null, upload.uploadedBy());
        // Only a conflict proves the row was not written. Any other failure may have committed it after all (a lost
        // acknowledgement), so the object stays: at worst an orphan that the sweep removes after the grace period.
        try {
            AudioFile inserted = audioFiles.insert(row);
            context.listener().stored(DataType.RAW_AUDIO, stored.size());
            return inserted;
        } catch (ConflictException e) {
            context.removeOrphan(key);
            if (upload.idempotencyKey() == null) {
                throw e;
            }
            AudioFile winner = audioFiles.findByIdempotencyKey(upload.uploadedBy(), upload.idempotencyKey()).orElseThrow(() -> e);
            requireSameUpload(winner, stored.sha256(), upload);
            context.listener().deduplicated(DataType.RAW_AUDIO);
            return winner;
        } catch (BackendUnavailableException e) {
            throw IngestContext.unconfirmed("audio file", row.id(), e);
        }
    }

    private static AudioFile requireSameUpload(AudioFile earlier, String sha256, AudioUpload upload) {
        String idempotencyKey = upload.idempotencyKey();
        if (!earlier.contentSha256().equals(sha256)) {
            throw new ConflictException("idempotency key '" + idempotencyKey + "' was already used for audio file "
                    + earlier.id() + " with different content");
        }
        return earlier;
    }

    static IntegrityException mismatch(String key, SpooledUpload spooled, StoredObject stored) {
        return new IntegrityException("object " + key + " was stored as " + stored.size() + " bytes with SHA-256 "
                + stored.sha256() + " but the upload was " + spooled.size() + " bytes with SHA-256 " + spooled.sha256());
    }
}
