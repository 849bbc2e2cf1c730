package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Repository of audio file rows. */
public interface AudioFiles {

    /**
     * Stores a new row.
     *
     * @throws dev.pipestore.ConflictException when the id or the idempotency key is already taken
     */
    AudioFile insert(AudioFile file);

    Optional<AudioFile> find(UUID id);

    default AudioFile get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("audio file", id.toString()));
    }

    /**
     * The audio file that {@code uploadedBy} stored under {@code idempotencyKey}: keys are scoped to their uploader, and
     * {@code null} (nobody named) is a scope of its own.
     */
    Optional<AudioFile> findByIdempotencyKey(String uploadedBy, String idempotencyKey);

    /** The file whose bytes are stored under {@code objectKey}. */
    Optional<AudioFile> findByObjectKey(String objectKey);

    /**
     * The oldest file that {@code uploadedBy} stored with this content hash, for content-hash dedupe: like idempotency
     * keys, dedupe stays within one uploader, and {@code null} (nobody named) is a scope of its own.
     */
    Optional<AudioFile> findBySha256(String uploadedBy, String contentSha256);

    /**
     * Gives the file {@code idempotencyKey} when it has none, so that a retry of an upload answered by content-hash
     * dedupe finds it under the key as well; keys stay unique per uploader.
     *
     * @return the file as stored now: with the key, or unchanged when it had a key already or no longer exists
     * @throws dev.pipestore.ConflictException when another file of the uploader holds the key
     */
    Optional<AudioFile> claimIdempotencyKey(UUID id, String idempotencyKey);

    /** Newest first, by keyset pagination on ({@code created_at}, {@code id}). */
    Page<AudioFile> list(AudioFileQuery query, PageRequest page);

    /**
     * Hands out up to {@code limit} files, oldest first by ({@code created_at}, {@code id}), and moves them to
     * {@code to} in one transaction with a lease of {@code lease} from {@code now} held by {@code owner}.
     *
     * <p>Claimable are the files in status {@code from}, and the files in status {@code to} whose lease, taken by a
     * claim from {@code from}, expired at or before {@code now} (their claimer is presumed dead). Two concurrent
     * claimers never receive the same file; a file another claimer is handing out right now is skipped, not waited for.
     *
     * @param now the claimer's clock: leases are compared and set against it
     * @return the claimed files in claim order, possibly none
     * @throws dev.pipestore.InvalidInputException when an argument is outside {@link ClaimLimits}
     */
    List<ClaimedAudioFile> claim(AudioStatus from, AudioStatus to, int limit, Duration lease, String owner, Instant now);

    /**
     * The lease a claim left on the file, expired or not; empty when the file was never claimed or its status changed
     * since (a status change completes the work and ends the lease).
     *
     * @throws NotFoundException when there is no such file
     */
    Optional<Lease> lease(UUID id);

    /**
     * Moves a file from {@code expected} to {@code next} atomically and returns the updated row, whoever holds its
     * lease: the lease ends. This is the operator's override; workers use
     * {@link #updateStatus(UUID, AudioStatus, AudioStatus, ObjectNode, String, Instant)}.
     *
     * @param metadata replaces the metadata object in the same statement, or {@code null} to keep it
     * @throws NotFoundException when there is no such file
     * @throws dev.pipestore.ConflictException when its status is not {@code expected} any more; nothing changed
     */
    AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, ObjectNode metadata);

    /** {@link #updateStatus(UUID, AudioStatus, AudioStatus, ObjectNode)} keeping the metadata. */
    default AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next) {
        return updateStatus(id, expected, next, null);
    }

    /**
     * Moves a file from {@code expected} to {@code next} for {@code holder}, in one statement with the lease check: a
     * leased file moves only if {@code holder} owns its lease and the lease is unexpired at {@code now}; a file without
     * a lease moves for anyone. The move ends the lease: it is how a claimer reports its work done.
     *
     * @param metadata replaces the metadata object in the same statement, or {@code null} to keep it
     * @throws NotFoundException when there is no such file
     * @throws dev.pipestore.LeaseConflictException when the lease expired or belongs to another holder; nothing changed
     * @throws dev.pipestore.ConflictException when its status is not {@code expected} any more; nothing changed
     */
    AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, ObjectNode metadata, String holder, Instant now);

    /** {@link #updateStatus(UUID, AudioStatus, AudioStatus, ObjectNode, String, Instant)} keeping the metadata. */
    default AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next, String holder, Instant now) {
        return updateStatus(id, expected, next, null, holder, now);
    }

    /**
     * Extends the unexpired lease {@code holder} has on a file to {@code now + lease}, so a worker with long work can
     * keep it. The new end may be earlier than the old one when {@code lease} is shorter than what was left.
     *
     * @return the file with its renewed lease
     * @throws NotFoundException when there is no such file
     * @throws dev.pipestore.LeaseConflictException when the file is not leased, the lease expired, or another holds it
     * @throws dev.pipestore.InvalidInputException naming {@code lease_seconds} or {@code owner} outside {@link ClaimLimits}
     */
    ClaimedAudioFile renewLease(UUID id, String holder, Duration lease, Instant now);

    /**
     * Gives a claimed file back: moves it to the status it was claimed from and ends the lease, so it can be claimed
     * again at once. {@code holder} must own the unexpired lease; {@code null} releases whoever holds it (an operator's
     * override, expired leases included).
     *
     * @return the file, back in its earlier status
     * @throws NotFoundException when there is no such file
     * @throws dev.pipestore.LeaseConflictException when the file is not leased, the lease expired, or another holds it
     */
    AudioFile releaseLease(UUID id, String holder, Instant now);

    /** Replaces the metadata object and returns the updated row, whoever holds the file's lease (the override). */
    AudioFile updateMetadata(UUID id, ObjectNode metadata);

    /**
     * Replaces the metadata object for {@code holder}, in one statement with the lease check of
     * {@link #updateStatus(UUID, AudioStatus, AudioStatus, ObjectNode, String, Instant)}; the lease stays as it was.
     *
     * @throws NotFoundException when there is no such file
     * @throws dev.pipestore.LeaseConflictException when the lease expired or belongs to another holder; nothing changed
     */
    AudioFile updateMetadata(UUID id, ObjectNode metadata, String holder, Instant now);

    /**
     * Removes the row; returns whether there was one.
     *
     * @throws dev.pipestore.ConflictException when transcriptions or results still refer to it
     */
    boolean delete(UUID id);

    /**
     * Removes the row together with its transcriptions, their translations and the analysis results of either, in
     * one transaction: all of them or none. A transcription, translation or result written concurrently for the file
     * either lands before and is removed too, or fails as referring to a file (or transcription) that does not exist.
     *
     * @return what was removed, or empty when there was no such file
     */
    Optional<AudioFileDeletion> deleteWithDependents(UUID id);
}
