package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many claimers at once: no file handed out twice, none left behind. */
interface ConcurrentClaimsContract extends UsesCatalog {

    int FILES = 200;
    int CLAIMERS = 8;
    int PER_CLAIM = 5;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    default void eightConcurrentClaimersNeverShareAFileAndTogetherTakeThemAll() throws Exception {
        Set<UUID> inserted = ConcurrentHashMap.newKeySet();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < FILES; i++) {
            inserted.add(catalog().audioFiles().insert(Samples.minimalAudio(created.plusMillis(i))).id());
        }
        List<UUID> handedOut = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger emptyClaims = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        try {
            List<Future<?>> claimers = new ArrayList<>();
            for (int c = 0; c < CLAIMERS; c++) {
                String owner = "claimer-" + c;
                claimers.add(pool.submit(() -> {
                    start.await();
                    // SKIP LOCKED may legitimately answer empty while others hold the last rows, so claimers go on
                    // until every file is out (or time is up), not until their first empty answer.
                    while (handedOut.size() < FILES && System.nanoTime() < deadline) {
                        List<ClaimedAudioFile> got = catalog().audioFiles().claim(AudioStatus.UPLOADED,
                                AudioStatus.PROCESSING, PER_CLAIM, Duration.ofMinutes(10), owner, Instant.now());
                        got.forEach(claimed -> handedOut.add(claimed.file().id()));
                        if (got.isEmpty()) {
                            emptyClaims.incrementAndGet();
                            Thread.sleep(1);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> claimer : claimers) {
                claimer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(handedOut).doesNotHaveDuplicates();
        assertThat(handedOut).containsExactlyInAnyOrderElementsOf(inserted);
        assertThat(catalog().audioFiles().list(AudioFileQuery.all().withStatus(AudioStatus.UPLOADED), PageRequest.firstPage())
                .items()).isEmpty();
    }
}
