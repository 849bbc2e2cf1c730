package dev.pipestore.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.ApiKeys;
import dev.pipestore.catalog.Role;
import dev.pipestore.config.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key checks remembered in-process: one catalog look-up per key per TTL, revocation here at once, revocation by another
 * process on the same catalog within the TTL, and unknown keys forgotten after the TTL too.
 */
class KeyCacheTest {

    private static final Duration TTL = Duration.ofSeconds(1);

    @TempDir
    Path dataDir;

    private PipeStore here;
    private PipeStore elsewhere;

    @BeforeEach
    void open() {
        StoreConfig config = StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())).withKeyCacheTtl(TTL);
        here = PipeStore.open(config);
        elsewhere = PipeStore.open(config);
    }

    @AfterEach
    void close() {
        here.close();
        elsewhere.close();
    }

    /** Waits out the TTL, so what this process remembers is dropped. */
    private static void afterTheTtl() throws InterruptedException {
        Thread.sleep(TTL.toMillis() + 200);
    }

    @Test
    void aBusyKeyCostsOneCatalogLookUpPerTtl() {
        AtomicInteger lookUps = new AtomicInteger();
        ApiKeyService keys = new ApiKeyService(counting(here.catalog().apiKeys(), lookUps), Clock.systemUTC(), Duration.ofMinutes(1));
        String secret = keys.create(Role.READ, "dashboard").secret();
        String unknown = ApiKeySecrets.generate();

        for (int i = 0; i < 100; i++) {
            assertThat(keys.authenticate(secret)).isPresent();
            assertThat(keys.authenticate(unknown)).isEmpty();
        }

        assertThat(lookUps).hasValue(2);
    }

    @Test
    void withoutATtlEveryCheckGoesToTheCatalog() {
        AtomicInteger lookUps = new AtomicInteger();
        ApiKeyService keys = new ApiKeyService(counting(here.catalog().apiKeys(), lookUps), Clock.systemUTC(), Duration.ZERO);
        CreatedApiKey created = keys.create(Role.READ, "dashboard");

        keys.authenticate(created.secret());
        elsewhere.apiKeys().revoke(created.key().id());

        assertThat(keys.authenticate(created.secret())).isEmpty();
        assertThat(lookUps).hasValue(2);
    }

    @Test
    void aKeyRevokedInThisProcessStopsWorkingAtOnce() {
        CreatedApiKey created = here.apiKeys().create(Role.WORKER, "asr-1");
        assertThat(here.apiKeys().authenticate(created.secret())).isPresent();

        here.apiKeys().revoke(created.key().id());

        assertThat(here.apiKeys().authenticate(created.secret())).isEmpty();
    }

    @Test
    void aKeyRevokedByAnotherProcessStopsWorkingWithinTheTtl() throws InterruptedException {
        CreatedApiKey created = here.apiKeys().create(Role.WORKER, "asr-1");
        assertThat(here.apiKeys().authenticate(created.secret())).isPresent();
        Instant revokedAt = Instant.now();

        elsewhere.apiKeys().revoke(created.key().id());

        assertThat(elsewhere.apiKeys().authenticate(created.secret())).isEmpty();
        Optional<ApiKey> stillRemembered = here.apiKeys().authenticate(created.secret());
        if (stillRemembered.isPresent()) {
            // Remembered from before the revocation: allowed only within the TTL.
            assertThat(Instant.now()).isBefore(revokedAt.plus(TTL));
        }
        afterTheTtl();
        assertThat(here.apiKeys().authenticate(created.secret())).isEmpty();
    }

    @Test
    void anUnknownKeyIsRememberedAsUnknownOnlyForTheTtl() throws InterruptedException {
        String secret = ApiKeySecrets.generate();
        assertThat(here.apiKeys().authenticate(secret)).isEmpty();

        // Another process stores a key with this very secret (as if created there).
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        elsewhere.catalog().apiKeys().insert(new ApiKey(UUID.randomUUID(), "made elsewhere", Role.READ,
                ApiKeySecrets.sha256Hex(secret), secret.substring(0, ApiKey.PREFIX_LENGTH), now, null, null));

        afterTheTtl();
        assertThat(here.apiKeys().authenticate(secret)).map(ApiKey::name).contains("made elsewhere");
    }

    /** The catalog's keys, counting look-ups by hash. */
    private static ApiKeys counting(ApiKeys real, AtomicInteger lookUps) {
        return new ApiKeys() {
            @Override
            public ApiKey insert(ApiKey key) {
                return real.insert(key);
            }

            @Override
            public Optional<ApiKey> find(UUID id) {
                return real.find(id);
            }

            @Override
            public Optional<ApiKey> findByHash(String sha256Hex) {
                lookUps.incrementAndGet();
                return real.findByHash(sha256Hex);
            }

            @Override
            public List<ApiKey> list() {
                return real.list();
            }

            @Override
            public ApiKey revoke(UUID id, Instant at) {
                return real.revoke(id, at);
            }

            @Override
            public void touch(UUID id, Instant lastUsed) {
                real.touch(id, lastUsed);
            }
        };
    }
}
