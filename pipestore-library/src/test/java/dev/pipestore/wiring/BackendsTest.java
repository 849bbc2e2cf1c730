package dev.pipestore.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.config.ConfigurationException;
import dev.pipestore.config.StoreConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsTest {

    private static final String SECRET = "not-the-password-42";

    @TempDir
    Path dataDir;

    @Test
    void dataDirectoryThatCannotBeCreatedNamesTheVariable() throws IOException {
        Path file = Files.writeString(dataDir.resolve("a-file"), "x");
        StoreConfig config = StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", file.resolve("data").toString()));

        assertThatThrownBy(() -> Backends.openObjectStore(config))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("PIPESTORE_DATA_DIR");
                    assertThat(e.getMessage()).contains(file.resolve("data").toString()).contains("not a writable directory");
                });
        assertThatThrownBy(() -> Backends.openCatalog(config, true))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo("PIPESTORE_DATA_DIR"));
    }

    @Test
    void aDataDirectoryPipestoreCreatesIsItsUsersAloneAndAnExistingOneKeepsItsPermissions() throws IOException {
        Path created = dataDir.resolve("new").resolve("data");
        Path existing = Files.createDirectories(dataDir.resolve("existing"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        Backends.openCatalog(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", created.toString())), true).close();
        Backends.openCatalog(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", existing.toString())), true).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rwxr-x---");
    }

    @Test
    void unwritableTempStoragePathNamesTheVariable() throws IOException {
        Path file = Files.writeString(dataDir.resolve("a-file"), "x");
        StoreConfig config = StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString(), "TEMP_STORAGE_PATH", file.toString()));

        assertThatThrownBy(() -> Backends.prepareDirectories(config))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo("TEMP_STORAGE_PATH"));
    }

    @Test
    void unreachableDatabaseFailsFastNamingDatabaseUrlWithoutThePassword() throws IOException {
        int closedPort = closedPort();
        StoreConfig config = config(Map.of("DATABASE_URL", "postgresql://postgres:" + SECRET + "@127.0.0.1:" + closedPort + "/test"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> Backends.openCatalog(config, true))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("DATABASE_URL");
                    assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).doesNotContain(SECRET);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void wrongDatabasePasswordNamesDatabaseUrlWithoutThePassword() {
        StoreConfig config = config(Map.of("DATABASE_URL", "mariadb://root:" + SECRET + "@127.0.0.1:3306/test"));

        assertThatThrownBy(() -> Backends.openCatalog(config, true))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("DATABASE_URL");
                    assertThat(e.getMessage()).doesNotContain(SECRET);
                    assertThat(e).rootCause().message().doesNotContain(SECRET);
                });
    }

    @Test
    void unreachableObjectStoreNamesMinioEndpoint() throws IOException {
        StoreConfig config = config(Map.of("MINIO_ENDPOINT", "127.0.0.1:" + closedPort(), "MINIO_ACCESS_KEY", "a",
                "MINIO_SECRET_KEY", SECRET));

        assertThatThrownBy(() -> Backends.openObjectStore(config))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("MINIO_ENDPOINT");
                    assertThat(e.getMessage()).doesNotContain(SECRET);
                });
    }

    @Test
    void unreachableRedisStillOpensTheCacheAsAMiss() throws IOException {
        StoreConfig config = config(Map.of("REDIS_HOST", "127.0.0.1", "REDIS_PORT", Integer.toString(closedPort())));

        try (var cache = Backends.openCache(config)) {
            assertThat(cache.get("anything")).isEmpty();
            assertThatThrownBy(cache::ping).hasMessageContaining("127.0.0.1");
        }
    }

    private StoreConfig config(Map<String, String> env) {
        var all = new HashMap<>(env);
        all.put("PIPESTORE_DATA_DIR", dataDir.toString());
        return StoreConfig.from(all);
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
