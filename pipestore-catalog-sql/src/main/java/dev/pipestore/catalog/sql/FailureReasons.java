package dev.pipestore.catalog.sql;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/** Turns a driver's exception chain into one short, password-free sentence saying what went wrong. */
final class FailureReasons {

    private static final int MAX_LENGTH = 400;
    private static final Pattern SEVERITY_PREFIX = Pattern.compile("^(FATAL|ERROR|PANIC):\\s+");
    private static final Pattern CONNECTION_NUMBER = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    private static final Pattern POOL_PREFIX = Pattern.compile("^[\\w.-]+ - ");

    private FailureReasons() {}

    /** Why {@code failure} happened, for example {@code connection refused} or {@code database "x" does not exist}. */
    static String reason(Throwable failure, String password) {
        SQLException deepestSql = null;
        boolean connectionLost = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused (is the database server running and listening on that host and port?)";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out connecting (is the host reachable and the port open?)";
            }
            connectionLost |= t instanceof EOFException || t instanceof SocketException;
            if (t instanceof SQLException sql) {
                deepestSql = sql;
            }
        }
        Throwable chosen = deepestSql != null ? deepestSql : failure;
        String message = clean(chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage(), password);
        return connectionLost ? "connection to the database lost (" + message + ")" : message;
    }

    /** The first line of a driver message without severity, connection-number or pool-name prefixes. */
    static String clean(String message, String password) {
        String text = message.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        text = POOL_PREFIX.matcher(text).replaceFirst("");
        text = SEVERITY_PREFIX.matcher(text).replaceFirst("");
        text = CONNECTION_NUMBER.matcher(text).replaceFirst("");
        text = Redaction.redact(text, password);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "...";
    }
}
