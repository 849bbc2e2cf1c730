package dev.pipestore.testing.sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension giving a test its own database on a real server: created before the test class (or each test,
 * when registered on an instance field), dropped afterwards. Connects with {@link DriverManager}, so the JDBC driver
 * comes from the test classpath of the module using it.
 */
public abstract class ServerDatabaseExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminUrl;
    private final String user;
    private final String password;
    private String databaseName;
    /** Nesting depth of class-level use: @Nested classes run beforeAll again and share the outer class's database. */
    private int classDepth;

    /**
     * @param environmentPrefix prefix of the overriding variables {@code <prefix>_URL}, {@code _USER}, {@code _PASSWORD}
     * @param defaultAdminUrl JDBC URL of a database the user may connect to, used to create and drop the test's own
     */
    protected ServerDatabaseExtension(String environmentPrefix, String defaultAdminUrl, String defaultUser) {
        this.adminUrl = environment(environmentPrefix + "_URL", defaultAdminUrl);
        this.user = environment(environmentPrefix + "_USER", defaultUser);
        this.password = environment(environmentPrefix + "_PASSWORD", null);
    }

    /** The SQL that creates {@code name}. */
    protected abstract String createDatabaseSql(String name);

    /** The SQL that drops {@code name}, closing any connection a test left open. */
    protected abstract String dropDatabaseSql(String name);

    /** JDBC URL of the test's database. */
    public String jdbcUrl() {
        if (databaseName == null) {
            throw new IllegalStateException("the test database exists only while a test runs (register the extension)");
        }
        return jdbcUrlFor(databaseName);
    }

    /** JDBC URL of another database on the same server, for example one that does not exist. */
    public String jdbcUrlFor(String database) {
        int hosts = adminUrl.indexOf("//");
        if (hosts < 0) {
            throw new IllegalStateException("expected jdbc:<driver>://host:port/database, got " + adminUrl);
        }
        int slash = adminUrl.indexOf('/', hosts + 2);
        if (slash < 0) {
            int query = adminUrl.indexOf('?', hosts + 2);
            return query < 0 ? adminUrl + "/" + database : adminUrl.substring(0, query) + "/" + database + adminUrl.substring(query);
        }
        int end = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (end < 0 ? "" : adminUrl.substring(end));
    }

    public String user() {
        return user;
    }

    /** The password, or {@code null} when the server trusts loopback connections. */
    public String password() {
        return password;
    }

    public String databaseName() {
        return databaseName;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        if (classDepth++ == 0) {
            create(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (--classDepth == 0) {
            drop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        if (databaseName == null) {
            create(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (classDepth == 0) {
            drop();
        }
    }

    private void create(ExtensionContext context) throws SQLException {
        String name = "pipestore_" + sanitise(context.getRequiredTestClass().getSimpleName()) + "_"
                + randomHex();
        execute(createDatabaseSql(name));
        databaseName = name;
    }

    private void drop() throws SQLException {
        if (databaseName != null) {
            String name = databaseName;
            databaseName = null;
            execute(dropDatabaseSql(name));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("test database set-up on " + adminUrl + " as " + user + " failed (" + sql + "): "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String sanitise(String className) {
        String name = className.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return name.length() <= 30 ? name : name.substring(0, 30);
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
