package dev.pipestore.cache.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what {@link RedisCache} logs while it is open, to count outage reports and to look for secrets. */
final class LogCapture implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(RedisCache.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        logger.addAppender(appender);
    }

    // ListAppender appends under its own monitor (AppenderBase.doAppend is synchronized), so reads take it too.
    List<ILoggingEvent> at(Level level) {
        synchronized (appender) {
            return appender.list.stream().filter(e -> e.getLevel() == level).toList();
        }
    }

    /** Every formatted message and throwable text, joined: where a leaked secret would show. */
    String allText() {
        StringBuilder text = new StringBuilder();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list) {
                text.append(event.getFormattedMessage()).append('\n');
                if (event.getThrowableProxy() != null) {
                    text.append(event.getThrowableProxy().getMessage()).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
