package dev.pipestore.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the seed's libpq-style {@code DATABASE_URL} ({@code postgresql://user:pass@host:5432/db?sslmode=require},
 * {@code mysql://...}, {@code mariadb://...}, SQLAlchemy's {@code postgresql+psycopg2://...}) or a {@code jdbc:} URL.
 */
final class DatabaseUrls {

    private static final String VARIABLE = ConfigKeys.DATABASE_URL;
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    private DatabaseUrls() {}

    static DatabaseConfig parse(String url, int poolSize, int maxOverflow, Duration queryTimeout) {
        String display = redact(url);
        if (url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return parseJdbc(url, display, poolSize, maxOverflow, queryTimeout);
        }
        URI uri;
        try {
            uri = new URI(encodeExtraAtSigns(url));
        } catch (URISyntaxException e) {
            throw new ConfigurationException(VARIABLE, "not a valid URL: " + display + " (" + e.getReason() + ")");
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new ConfigurationException(VARIABLE, "expected scheme://user:password@host:port/database, got " + display);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String family = plus < 0 ? scheme : scheme.substring(0, plus);
        return switch (family) {
            case "postgresql", "postgres" -> fromUri(uri, "postgresql", 5432, display, poolSize, maxOverflow, queryTimeout);
            case "mysql", "mariadb" -> fromUri(uri, "mariadb", 3306, display, poolSize, maxOverflow, queryTimeout);
            default -> throw new ConfigurationException(VARIABLE, "unknown scheme '" + uri.getScheme()
                    + "', expected postgresql://, mysql://, mariadb:// or a jdbc: URL");
        };
    }

    /** Passwords often hold an unencoded {@code @}; only the last {@code @} of the authority ends the user info. */
    private static String encodeExtraAtSigns(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return url;
        }
        start += 3;
        int end = start;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        String authority = url.substring(start, end);
        int last = authority.lastIndexOf('@');
        if (last <= 0) {
            return url;
        }
        String userInfo = authority.substring(0, last).replace("@", "%40");
        return url.substring(0, start) + userInfo + authority.substring(last) + url.substring(end);
    }

    /**
     * The URL with any password replaced by {@code ***}: everything from the first {@code :} after {@code //} to the
     * last {@code @}, so that a password holding {@code /}, {@code ?}, {@code #} or {@code @} unencoded is hidden whole
     * (a URL parser would end the user info early and show the rest as a host or a path).
     */
    static String redact(String url) {
        String redacted = url;
        int start = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (start >= 0 && at > start) {
            int colon = url.indexOf(':', start + 3);
            if (colon >= 0 && colon < at) {
                redacted = url.substring(0, colon + 1) + "***" + url.substring(at);
            }
        }
        return PASSWORD_PARAM.matcher(redacted).replaceAll("$1***");
    }

    private static DatabaseConfig parseJdbc(String url, String display, int poolSize, int maxOverflow,
            Duration queryTimeout) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("jdbc:postgresql:") || lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")
                || lower.startsWith("jdbc:sqlite:"))) {
            throw new ConfigurationException(VARIABLE, "unsupported JDBC URL " + display
                    + ", expected jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:sqlite:");
        }
        int authority = url.indexOf("//");
        if (authority >= 0 && url.indexOf('@', authority) >= 0) {
            // pgJDBC and the MariaDB driver read user:password@ as part of the host and put it in their errors.
            throw new ConfigurationException(VARIABLE, "a jdbc: URL cannot carry user:password@ (" + display + "); give"
                    + " ?user=...&password=..., or use postgresql://user:password@host/database");
        }
        if (lower.startsWith("jdbc:mysql:")) {
            // One driver for both: the MariaDB connector speaks MySQL's protocol.
            url = "jdbc:mariadb:" + url.substring("jdbc:mysql:".length());
        }
        return new DatabaseConfig(url, null, null, poolSize, maxOverflow, queryTimeout, false, display);
    }

    private static DatabaseConfig fromUri(URI uri, String jdbcScheme, int defaultPort, String display, int poolSize,
            int maxOverflow, Duration queryTimeout) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI gives no host at all when the port is not a number; say which part is wrong.
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = hostAndPort.lastIndexOf(':');
            // What is read as the port may be part of a password that holds '/', '?' or '#': never quote it.
            String hint = encodingHint(uri);
            if (colon > 0 && !hostAndPort.endsWith("]") && !hostAndPort.substring(colon + 1).matches("\\d{1,5}")) {
                throw new ConfigurationException(VARIABLE, "the port is not a number in " + display + hint);
            }
            throw new ConfigurationException(VARIABLE, "no host in " + display + hint);
        }
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1 || path.indexOf('/', 1) >= 0) {
            throw new ConfigurationException(VARIABLE, "no database name in " + display + " (expected .../database)"
                    + encodingHint(uri));
        }
        String database = decode(path.substring(1));
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        Map<String, String> params = queryParameters(uri.getRawQuery(), display);
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        StringBuilder jdbc = new StringBuilder("jdbc:").append(jdbcScheme).append("://").append(hostPart).append(':').append(port)
                .append('/').append(database);
        String query = jdbcParameters(jdbcScheme, params, display);
        if (!query.isEmpty()) {
            jdbc.append('?').append(query);
        }
        return new DatabaseConfig(jdbc.toString(), user, password, poolSize, maxOverflow, queryTimeout, false, display);
    }

    /**
     * Advice for a URL with an {@code @} past its authority: a password holding {@code /}, {@code ?} or {@code #}
     * unencoded ended the user info early, and the rest was read as host, port or path.
     */
    private static String encodingHint(URI uri) {
        String rest = String.valueOf(uri.getRawPath()) + uri.getRawQuery() + uri.getRawFragment();
        return rest.contains("@") ? "; a password holding '/', '?' or '#' must be percent-encoded (%2F, %3F, %23), or it"
                + " ends the user:password part early" : "";
    }

    private static String jdbcParameters(String jdbcScheme, Map<String, String> params, String display) {
        StringBuilder query = new StringBuilder();
        for (var entry : params.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (name.equalsIgnoreCase("sslmode") || name.equalsIgnoreCase("ssl-mode")) {
                name = jdbcScheme.equals("postgresql") ? "sslmode" : "sslMode";
                value = sslMode(jdbcScheme, value, display);
            }
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(name).append('=').append(value);
        }
        return query.toString();
    }

    private static String sslMode(String jdbcScheme, String value, String display) {
        String mode = value.toLowerCase(Locale.ROOT).replace('_', '-');
        boolean known = switch (mode) {
            case "disable", "allow", "prefer", "require", "verify-ca", "verify-full" -> true;
            default -> false;
        };
        if (!known) {
            throw new ConfigurationException(VARIABLE, "sslmode '" + value + "' in " + display
                    + " is not one of disable, allow, prefer, require, verify-ca, verify-full");
        }
        if (jdbcScheme.equals("postgresql")) {
            return mode;
        }
        // MariaDB Connector/J names: disable, trust (encrypt, no checks), verify-ca, verify-full.
        return switch (mode) {
            case "disable" -> "disable";
            case "allow", "prefer", "require" -> "trust";
            default -> mode;
        };
    }

    private static Map<String, String> queryParameters(String rawQuery, String display) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException(VARIABLE, "query parameter '" + pair + "' in " + display + " is not name=value");
            }
            params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
