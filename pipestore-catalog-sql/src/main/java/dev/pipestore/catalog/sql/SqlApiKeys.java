package dev.pipestore.catalog.sql;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.ApiKeys;
import dev.pipestore.catalog.Role;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@code api_keys} table, on any dialect. It holds SHA-256 hashes of secrets, never secrets. */
final class SqlApiKeys implements ApiKeys {

    private static final String TABLE = "api_keys";
    private static final String COLUMNS = "id, name, role, key_hash, key_prefix, created_at, revoked_at, last_used_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

    private final Database database;

    SqlApiKeys(Database database) {
        this.database = database;
    }

    @Override
    public ApiKey insert(ApiKey key) {
        ApiKey row = new ApiKey(key.id(), key.name(), key.role(), key.keyHash(), key.keyPrefix(),
                Binder.storable("created_at", key.createdAt()), Binder.storable("revoked_at", key.revokedAt()),
                Binder.storable("last_used_at", key.lastUsedAt()));
        try {
            database.run("insert API key " + row.id(), c -> database.update(c, "INSERT INTO " + TABLE + " (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", b -> b.uuid(row.id()).text(row.name()).text(row.role().wireName())
                    .text(row.keyHash()).text(row.keyPrefix()).instant(row.createdAt()).instant(row.revokedAt())
                    .instant(row.lastUsedAt())));
        } catch (ConstraintViolation e) {
            if (e.isUnique() && e.concerns("key_hash")) {
                // Never name the hash: it identifies a secret.
                throw new ConflictException("API key " + row.id() + ": another key has the same secret", e);
            }
            if (e.isUnique()) {
                throw new ConflictException("API key " + row.id() + " already exists", e);
            }
            throw e;
        }
        return row;
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return database.run("read API key " + id,
                c -> database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlApiKeys::map));
    }

    @Override
    public Optional<ApiKey> findByHash(String sha256Hex) {
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        return database.run("find API key by hash",
                c -> database.queryOne(c, SELECT + " WHERE key_hash = ?", b -> b.text(sha256Hex), SqlApiKeys::map));
    }

    @Override
    public List<ApiKey> list() {
        return database.run("list API keys",
                c -> database.query(c, SELECT + " ORDER BY created_at, id", b -> { }, SqlApiKeys::map));
    }

    @Override
    public ApiKey revoke(UUID id, Instant at) {
        Objects.requireNonNull(id, "id");
        Instant revokedAt = Binder.storable("revoked_at", Objects.requireNonNull(at, "at"));
        return database.inTransaction("revoke API key " + id, c -> {
            database.update(c, "UPDATE " + TABLE + " SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    b -> b.instant(revokedAt).uuid(id));
            return database.queryOne(c, SELECT + " WHERE id = ?", b -> b.uuid(id), SqlApiKeys::map)
                    .orElseThrow(() -> new NotFoundException("API key", id.toString()));
        });
    }

    @Override
    public void touch(UUID id, Instant lastUsed) {
        Objects.requireNonNull(id, "id");
        Instant at = Binder.storable("last_used_at", Objects.requireNonNull(lastUsed, "lastUsed"));
        // Never moves the time backwards when two requests race to record their use.
        database.run("record use of API key " + id, c -> database.update(c, "UPDATE " + TABLE
                + " SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
                b -> b.instant(at).uuid(id).instant(at)));
    }

    private static ApiKey map(Row row) throws SQLException {
        return new ApiKey(row.uuid("id"), row.text("name"), Role.parse(row.text("role")), row.text("key_hash"),
                row.text("key_prefix"), row.instant("created_at"), row.instant("revoked_at"), row.instant("last_used_at"));
    }
}
