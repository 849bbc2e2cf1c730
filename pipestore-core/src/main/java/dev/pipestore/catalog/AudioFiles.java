package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.NotFoundException;
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

    Optional<AudioFile> findByIdempotencyKey(String idempotencyKey);

    /** The file whose bytes are stored under {@code objectKey}. */
    Optional<AudioFile> findByObjectKey(String objectKey);

    /** The oldest file with this content hash, for content-hash dedupe. */
    Optional<AudioFile> findBySha256(String contentSha256);

    /** Newest first, by keyset pagination on ({@code created_at}, {@code id}). */
    Page<AudioFile> list(AudioFileQuery query, PageRequest page);

    /**
     * Moves a file from {@code expected} to {@code next} atomically and returns the updated row.
     *
     * @throws NotFoundException when there is no such file
     * @throws dev.pipestore.ConflictException when its status is not {@code expected} any more
     */
    AudioFile updateStatus(UUID id, AudioStatus expected, AudioStatus next);

    /** Replaces the metadata object and returns the updated row. */
    AudioFile updateMetadata(UUID id, ObjectNode metadata);

    /**
     * Removes the row; returns whether there was one.
     *
     * @throws dev.pipestore.ConflictException when transcriptions or results still refer to it
     */
    boolean delete(UUID id);
}
