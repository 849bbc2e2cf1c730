package dev.pipestore.catalog.sql;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** PostgreSQL: native UUID, TIMESTAMPTZ and JSONB columns, and DISTINCT ON for "latest per group". */
final class PostgresDialect extends Dialect {

    /** Unknown database, server shutting down or starting, too many connections: the server is there but will not serve us. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("3D000", "57P01", "57P02", "57P03", "53300");

    @Override
    String name() {
        return "postgresql";
    }

    @Override
    String migrationFolder() {
        return "postgresql";
    }

    @Override
    String driverClassName() {
        return "org.postgresql.Driver";
    }

    @Override
    void configurePool(HikariConfig config, String driverUrl, Duration connectTimeout) {
        String lower = driverUrl.toLowerCase(Locale.ROOT);
        // pgJDBC's connectTimeout is in seconds; without it an unreachable host hangs for the OS TCP timeout.
        if (!lower.contains("connecttimeout=")) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        }
        // connectTimeout covers the TCP connect only: a server (or proxy) that accepts and then says nothing would hold
        // the login, and the store's opening, forever. loginTimeout bounds the whole of it.
        if (!lower.contains("logintimeout=")) {
            config.addDataSourceProperty("loginTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
        }
        // Turns a JDBC batch of INSERTs into multi-row INSERTs: ~13x faster for analysis result batches.
        if (!lower.contains("rewritebatchedinserts=")) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        if (!lower.contains("applicationname=")) {
            config.addDataSourceProperty("ApplicationName", "pipestore");
        }
    }

    @Override
    String jsonParameter() {
        return "?::jsonb";
    }

    @Override
    void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    UUID getUuid(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    @Override
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    Instant getInstant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    FullText fullText() {
        return PostgresFullText.INSTANCE;
    }

    @Override
    Violation violation(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return Violation.NONE;
        }
        return switch (state) {
            case "23505" -> Violation.UNIQUE;
            case "23503" -> Violation.FOREIGN_KEY;
            case "23502", "23514" -> Violation.INVALID_VALUE;
            default -> state.startsWith("22") ? Violation.INVALID_VALUE : Violation.NONE;
        };
    }

    @Override
    boolean isUnavailable(SQLException e) {
        return super.isUnavailable(e) || UNAVAILABLE_STATES.contains(e.getSQLState());
    }

    /** DISTINCT ON keeps the first row of each model version in the index order (audio_file_id, model_version, created_at). */
    @Override
    String latestPerModelVersion(String table, String columns) {
        return "SELECT " + columns + " FROM (SELECT DISTINCT ON (model_version) " + columns + " FROM " + table
                + " WHERE audio_file_id = ? ORDER BY model_version, created_at DESC, id DESC) latest"
                + " ORDER BY created_at DESC, id DESC";
    }

    /**
     * The grants the first migration and later ones need, read from the catalog: creating tables needs CREATE on the
     * schema Flyway uses (the first on the search_path), which PostgreSQL 15 and later no longer give every user on
     * {@code public}, for an upgrade too (later migrations add tables); altering pipestore's tables needs their owner's
     * privileges.
     */
    @Override
    Optional<String> migrationBlocker(Connection connection, boolean schemaExists) throws SQLException {
        String sql = "SELECT current_user, current_schema(), current_schema() IS NOT NULL"
                + " AND has_schema_privilege(current_schema(), 'CREATE'), owner.tableowner,"
                + " owner.tableowner IS NULL OR pg_has_role(current_user, owner.tableowner, 'USAGE')"
                + " FROM (SELECT 1) one LEFT JOIN pg_tables owner"
                + " ON owner.schemaname = current_schema() AND owner.tablename = 'audio_files'";
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            String user = row.getString(1);
            String schema = row.getString(2);
            if (schemaExists && !row.getBoolean(5)) {
                return Optional.of("pipestore's tables belong to " + row.getString(4) + ", and user " + user + " may not"
                        + " alter them; run 'pipestore migrate' as " + row.getString(4));
            }
            if (schema == null) {
                return Optional.of("none of the schemas on user " + user + "'s search_path exists, so there is nowhere to"
                        + " create tables; create one (CREATE SCHEMA " + user + " AUTHORIZATION " + user + ")");
            }
            return row.getBoolean(3) ? Optional.empty() : Optional.of("user " + user + " may not create tables in schema "
                    + schema + "; GRANT CREATE ON SCHEMA " + schema + " TO " + user + ", or run 'pipestore migrate' as the"
                    + " schema's owner");
        }
    }

    @Override
    String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }
}
