package dev.pipestore.catalog.sql;

import com.zaxxer.hikari.HikariConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/** MariaDB and MySQL through the MariaDB driver: CHAR(36) UUIDs, DATETIME(6) in UTC, JSON as text. */
final class MariaDbDialect extends Dialect {

    private static final int DUPLICATE_KEY = 1062;
    /** ER_NET_PACKET_TOO_LARGE: a statement over the server's {@code max_allowed_packet}. */
    private static final int PACKET_TOO_LARGE = 1153;
    private static final Set<Integer> FOREIGN_KEY_ERRORS = Set.of(1216, 1217, 1451, 1452);
    /** NOT NULL, CHECK (MariaDB 4025, MySQL 3819), data too long, incorrect value. */
    private static final Set<Integer> INVALID_VALUE_ERRORS = Set.of(1048, 1264, 1292, 1366, 1406, 3819, 4025);
    /** Unknown database, access to the database denied, too many connections, host not allowed. */
    private static final Set<Integer> UNAVAILABLE_ERRORS = Set.of(1040, 1044, 1049, 1129, 1130, 1203);

    @Override
    String name() {
        return "mariadb";
    }

    @Override
    String migrationFolder() {
        return "mysql";
    }

    @Override
    String driverClassName() {
        return "org.mariadb.jdbc.Driver";
    }

    /** The MariaDB driver accepts {@code jdbc:mysql:} only with permitMysqlScheme; one spelling is simpler to reason about. */
    @Override
    String driverUrl(String configuredUrl) {
        String url = configuredUrl.strip();
        if (url.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length())) {
            return "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
        }
        return url;
    }

    @Override
    void configurePool(HikariConfig config, String driverUrl, Duration connectTimeout) {
        String lower = driverUrl.toLowerCase(Locale.ROOT);
        if (!lower.contains("connecttimeout=")) {
            config.addDataSourceProperty("connectTimeout", String.valueOf(connectTimeout.toMillis()));
        }
        // Connector/J 3 dropped rewriteBatchedStatements; its bulk protocol (useBulkStmtsForInserts, on by default)
        // sends a batch of INSERTs in one round trip instead. Stated here so a driver default change cannot slow us.
        if (!lower.contains("usebulkstmtsforinserts=")) {
            config.addDataSourceProperty("useBulkStmtsForInserts", "true");
        }
        if (!lower.contains("maxallowedpacket=")) {
            serverPacketLimit(config, driverUrl, connectTimeout)
                    .ifPresent(limit -> config.addDataSourceProperty("maxAllowedPacket", Long.toString(limit)));
        }
        // DATETIME has no zone: the columns hold UTC, so the CURRENT_TIMESTAMP defaults must be computed in UTC too.
        config.setConnectionInitSql("SET time_zone = '+00:00'");
    }

    /**
     * The server's {@code max_allowed_packet}. Told it, the driver refuses a larger write itself, which keeps the
     * connection; untold, it sends the write and the server drops the connection, which reads as an outage. Empty when
     * the server cannot be asked now: opening the pool then reports why.
     */
    private static OptionalLong serverPacketLimit(HikariConfig config, String driverUrl, Duration connectTimeout) {
        Properties properties = new Properties();
        if (config.getUsername() != null) {
            properties.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            properties.setProperty("password", config.getPassword());
        }
        properties.setProperty("connectTimeout", String.valueOf(connectTimeout.toMillis()));
        try (Connection connection = DriverManager.getConnection(driverUrl, properties);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT @@max_allowed_packet")) {
            return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    Instant getInstant(ResultSet rows, String column) throws SQLException {
        LocalDateTime value = rows.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * Under InnoDB's default REPEATABLE READ a locking read also locks every row it scans and the gaps between them,
     * so one claimer would block the others' picks and they would come back empty. READ COMMITTED locks only the
     * rows that match, which is what SKIP LOCKED (MariaDB 10.6+, MySQL 8.0+) needs to hand out disjoint rows.
     */
    @Override
    void beforeClaim(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    }

    @Override
    FullText fullText() {
        return MariaDbFullText.INSTANCE;
    }

    @Override
    Violation violation(SQLException e) {
        int code = e.getErrorCode();
        if (code == DUPLICATE_KEY) {
            return Violation.UNIQUE;
        }
        if (FOREIGN_KEY_ERRORS.contains(code)) {
            return Violation.FOREIGN_KEY;
        }
        String state = e.getSQLState();
        if (INVALID_VALUE_ERRORS.contains(code) || (state != null && state.startsWith("22"))) {
            return Violation.INVALID_VALUE;
        }
        return Violation.NONE;
    }

    /** The server's ER_NET_PACKET_TOO_LARGE, or the driver's own check against the same {@code max_allowed_packet}. */
    @Override
    boolean isStatementTooLarge(SQLException e) {
        return e.getErrorCode() == PACKET_TOO_LARGE || String.valueOf(e.getMessage()).contains("max_allowed_packet");
    }

    @Override
    boolean isUnavailable(SQLException e) {
        return super.isUnavailable(e) || UNAVAILABLE_ERRORS.contains(e.getErrorCode());
    }

    /** In UTC: every connection sets time_zone to +00:00. */
    @Override
    String currentTimestamp() {
        return "CURRENT_TIMESTAMP(6)";
    }
}
