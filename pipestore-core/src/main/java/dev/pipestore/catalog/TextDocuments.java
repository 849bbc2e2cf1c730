package dev.pipestore.catalog;

import dev.pipestore.NotFoundException;
import java.util.Optional;
import java.util.UUID;

/** Repository of raw text document rows. */
public interface TextDocuments {

    /** @throws dev.pipestore.ConflictException when the id or the idempotency key is already taken */
    TextDocument insert(TextDocument document);

    Optional<TextDocument> find(UUID id);

    default TextDocument get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("text document", id.toString()));
    }

    /**
     * The text document that {@code uploadedBy} stored under {@code idempotencyKey}: keys are scoped to their uploader, and
     * {@code null} (nobody named) is a scope of its own.
     */
    Optional<TextDocument> findByIdempotencyKey(String uploadedBy, String idempotencyKey);

    /** The document whose bytes are stored under {@code objectKey}. */
    Optional<TextDocument> findByObjectKey(String objectKey);

    /** Newest first. */
    Page<TextDocument> list(TextDocumentQuery query, PageRequest page);

    boolean delete(UUID id);
}
