package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
import dev.pipestore.catalog.Cursor;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.StorageTier;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.catalog.TextDocumentQuery;
import dev.pipestore.catalog.TextDocuments;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@code text_documents} table, on any dialect. */
final class SqlTextDocuments implements TextDocuments {

    private static final String TABLE = "text_documents";
    private static final String COLUMNS = "id, file_path, file_size, created_at, metadata, content_sha256, original_name,"
            + " object_key, storage_tier, language, idempotency_key, updated_at, archived_at, uploaded_by";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;
    private final String insert;

    SqlTextDocuments(Database database) {
        this.database = database;
        this.insert = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, " + database.dialect().jsonParameter()
                + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    public TextDocument insert(TextDocument document) {
        TextDocument row = storable(document);
        try {
            database.run("insert text document " + row.id(), c -> database.update(c, insert, b -> b.uuid(row.id())
                    .text(row.filePath()).bigint(row.fileSize()).instant(row.createdAt()).metadata(row.metadata())
                    .text(row.contentSha256()).text(row.originalName()).text(row.objectKey())
                    .text(row.storageTier().wireName()).text(row.language()).text(row.idempotencyKey())
                    .instant(row.updatedAt()).instant(row.archivedAt()).text(row.uploadedBy())));
        } catch (ConstraintViolation e) {
            if (e.isUnique() && e.concerns("idempotency_key")) {
                throw new ConflictException("idempotency key '" + row.idempotencyKey() + "' is already used by another text document", e);
            }
            if (e.isUnique()) {
                throw new ConflictException("text document " + row.id() + " already exists", e);
            }
            throw e;
        }
        return row;
    }

    @Override
    public Optional<TextDocument> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return database.run("read text document " + id,
                c -> database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlTextDocuments::map));
    }

    @Override
    public Optional<TextDocument> findByIdempotencyKey(String uploadedBy, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return database.run("find text document by idempotency key", c -> database.queryOne(c,
                SELECT + " WHERE idempotency_key = ? AND " + UploaderScope.MATCHES,
                b -> b.text(idempotencyKey).text(UploaderScope.of(uploadedBy)), SqlTextDocuments::map));
    }

    @Override
    public Optional<TextDocument> findByObjectKey(String objectKey) {
        Objects.requireNonNull(objectKey, "objectKey");
        return database.run("find text document by object key", c -> database.queryOne(c,
                SELECT + " WHERE object_key = ?", b -> b.text(objectKey), SqlTextDocuments::map));
    }

    @Override
    public Page<TextDocument> list(TextDocumentQuery query, PageRequest page) {
        return new KeysetQuery(TABLE, COLUMNS)
                .createdBetween(query.createdFrom(), query.createdBefore())
                .equal("language", query.language())
                .equal("uploaded_by", query.uploadedBy())
                .page(database, "list text documents", page, SqlTextDocuments::map, d -> new Cursor(d.createdAt(), d.id()));
    }

    @Override
    public boolean delete(UUID id) {
        Objects.requireNonNull(id, "id");
        return database.run("delete text document " + id,
                c -> database.update(c, "DELETE FROM " + TABLE + " WHERE id = ?", b -> b.uuid(id))) > 0;
    }

    private static TextDocument storable(TextDocument d) {
        return new TextDocument(d.id(), d.filePath(), d.fileSize(), Binder.storable("created_at", d.createdAt()), d.metadata(),
                d.contentSha256(), d.originalName(), d.objectKey(), d.storageTier(), d.language(), d.idempotencyKey(),
                Binder.storable("updated_at", d.updatedAt()), Binder.storable("archived_at", d.archivedAt()), d.uploadedBy());
    }

    private static TextDocument map(Row row) throws SQLException {
        return new TextDocument(row.uuid("id"), row.text("file_path"), row.bigint("file_size"), row.instant("created_at"),
                row.object("metadata"), row.text("content_sha256"), row.text("original_name"), row.text("object_key"),
                StorageTier.parse(row.text("storage_tier")), row.text("language"), row.text("idempotency_key"),
                row.instant("updated_at"), row.instant("archived_at"), row.text("uploaded_by"));
    }
}
