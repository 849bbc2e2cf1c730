package dev.pipestore.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lettuce.core.RedisConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The outage log on a hand-driven clock: one line when it starts, one per interval while it lasts, one when it ends. */
class OutageLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(OutageLogTest.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final AtomicLong nanos = new AtomicLong();
    private final OutageLog log;

    OutageLogTest() {
        events.start();
        logger.addAppender(events);
        log = new OutageLog(logger, "10.0.0.7:6379", Duration.ofSeconds(30), nanos::get);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(events);
    }

    private void failTimes(int count) {
        for (int i = 0; i < count; i++) {
            log.failure("get", new RedisConnectionException("Connection refused"));
        }
    }

    @Test
    void aLongOutageIsReportedOncePerIntervalWithTheNumberOfFailuresInBetween() {
        failTimes(100);
        assertThat(events.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("10.0.0.7:6379", "unavailable", "Connection refused");
        });
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        failTimes(10);
        assertThat(events.list).hasSize(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        failTimes(1);
        assertThat(events.list).hasSize(2);
        assertThat(events.list.get(1).getFormattedMessage()).contains("still unavailable", "110 more failures");
    }

    @Test
    void recoveryIsReportedOnceAndANewOutageIsReportedAtOnce() {
        failTimes(3);
        log.recovered();
        log.recovered();
        failTimes(1);
        assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO, Level.WARN);
        assertThat(events.list.get(1).getFormattedMessage()).contains("available again after 3 failed attempts");
    }

    @Test
    void recoveryWithoutAnOutageSaysNothing() {
        log.recovered();
        assertThat(events.list).isEmpty();
    }
}
