package dev.pipestore.testing.s3;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps S3Proxy and its shaded Jetty at WARN when nobody configured them.
 *
 * <p>S3Proxy brings logback, and logback without a configuration logs everything at DEBUG: every request would write
 * dozens of lines and slow the tests down. A level set in a {@code logback-test.xml} wins.
 */
final class QuietServerLogs {

    private static final String[] NOISY = {"org.gaul", "org.eclipse.jetty"};

    private QuietServerLogs() {}

    static void apply() {
        for (String name : NOISY) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger && logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}
