package dev.pipestore.catalog.sql;

/**
 * Idempotency keys and content dedupe are scoped to their uploader. Rows that name nobody form one scope of their own,
 * written as {@code ''} (a stored uploader is never blank), as the V6 unique indexes are.
 */
final class UploaderScope {

    /** A condition on the row's uploader, with one parameter: bind {@link #of}. */
    static final String MATCHES = "COALESCE(uploaded_by, '') = ?";

    private UploaderScope() {}

    /** The parameter of {@link #MATCHES} for {@code uploadedBy}, or for nobody when it is {@code null}. */
    static String of(String uploadedBy) {
        return uploadedBy == null ? "" : uploadedBy;
    }
}
