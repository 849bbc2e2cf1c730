package dev.pipestore.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.Role;
import dev.pipestore.catalog.sql.SqlCatalog;
import dev.pipestore.catalog.sql.SqlCatalogSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-start admin key: made once, written to admin.key for its owner's eyes only, never overwritten. */
class AdminKeyFileTest {

    @TempDir
    Path dataDir;

    private SqlCatalog catalog;
    private ApiKeyService keys;

    private SqlCatalogSettings settings() {
        return new SqlCatalogSettings("jdbc:sqlite:" + dataDir.resolve("catalog.db"), null, null, 4, 0);
    }

    @BeforeEach
    void open() {
        catalog = SqlCatalog.open(settings(), true);
        keys = new ApiKeyService(catalog.apiKeys(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    @Test
    void theFirstStartWritesAnAdminSecretReadableByItsOwnerOnly() throws Exception {
        Path file = keys.ensureAdminKey(dataDir).orElseThrow();

        assertThat(file).isEqualTo(dataDir.resolve("admin.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        assertThat(keys.authenticate(secret)).get().extracting(ApiKey::role).isEqualTo(Role.ADMIN);
        assertThat(keys.list()).singleElement().extracting(ApiKey::name).isEqualTo(ApiKeyService.FIRST_ADMIN_KEY_NAME);
    }

    @Test
    void laterStartsLeaveTheKeyAndTheFileAlone() throws Exception {
        Path file = keys.ensureAdminKey(dataDir).orElseThrow();
        String content = Files.readString(file);
        FileTime written = Files.getLastModifiedTime(file);

        assertThat(keys.ensureAdminKey(dataDir)).isEmpty();

        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(keys.list()).hasSize(1);
    }

    @Test
    void anyKeyEvenARevokedOneMeansNoAutomaticAdminKey() {
        keys.revoke(keys.create(Role.READ, "old").key().id());

        assertThat(keys.ensureAdminKey(dataDir)).isEmpty();
        assertThat(dataDir.resolve("admin.key")).doesNotExist();
    }

    @Test
    void anExistingAdminKeyFileIsNeverOverwrittenAndTheUnsavedKeyIsRevoked() throws Exception {
        Path file = dataDir.resolve("admin.key");
        Files.writeString(file, "kept as it was\n");

        assertThat(keys.ensureAdminKey(dataDir)).isEmpty();

        assertThat(Files.readString(file)).isEqualTo("kept as it was\n");
        assertThat(keys.list()).singleElement().satisfies(key -> assertThat(key.revoked()).isTrue());
    }

    @Test
    void twoProcessesStartingTogetherLeaveExactlyOneValidAdminKeyInTheFile() throws Exception {
        try (SqlCatalog second = SqlCatalog.open(settings(), false)) {
            List<ApiKeyService> services = List.of(keys, new ApiKeyService(second.apiKeys(), Clock.systemUTC()));
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Optional<Path>> results = new ArrayList<>();
            try {
                List<Future<Optional<Path>>> starts = new ArrayList<>();
                for (ApiKeyService service : services) {
                    starts.add(threads.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return service.ensureAdminKey(dataDir);
                    }));
                }
                for (Future<Optional<Path>> start : starts) {
                    results.add(start.get(30, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
            String secret = Files.readString(dataDir.resolve("admin.key")).strip();
            assertThat(keys.authenticate(secret)).isPresent();
            assertThat(keys.list()).filteredOn(key -> !key.revoked()).hasSize(1);
        }
    }
}
