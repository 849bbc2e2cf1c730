package dev.pipestore.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreConfigTest {

    private static final String SECRET = "s3cr3t-p@ss";

    @Test
    void emptyEnvironmentFallsBackToEmbeddedDefaultsUnderTheDataDirectory() {
        StoreConfig config = StoreConfig.from(Map.of());

        Path dataDir = Path.of("pipestore-data").toAbsolutePath().normalize();
        assertThat(config.dataDir()).isEqualTo(dataDir);
        assertThat(config.objectStore()).isEqualTo(new ObjectStoreConfig.FileSystem(dataDir.resolve("objects"), "data-pipeline"));
        assertThat(config.database().embedded()).isTrue();
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:sqlite:" + dataDir.resolve("catalog.db"));
        assertThat(config.database().poolSize()).isEqualTo(10);
        assertThat(config.database().maxOverflow()).isEqualTo(20);
        assertThat(config.cache()).isInstanceOf(CacheConfig.InProcess.class);
        assertThat(config.cache().keyPrefix()).isEqualTo("pipestore:");
        assertThat(config.tempDir()).isEqualTo(dataDir.resolve("tmp"));
        assertThat(config.archiveDir()).isEqualTo(dataDir.resolve("archive"));
    }

    @Test
    void seedVariablesSelectTheRealBackends() {
        StoreConfig config = StoreConfig.from(Map.of(
                "MINIO_ENDPOINT", "minio:9000",
                "MINIO_ACCESS_KEY", "minioadmin",
                "MINIO_SECRET_KEY", "minioadmin",
                "MINIO_SECURE", "false",
                "DATABASE_URL", "postgresql://user:password@postgres:5432/pipeline",
                "DATABASE_POOL_SIZE", "10",
                "DATABASE_MAX_OVERFLOW", "20",
                "REDIS_HOST", "redis",
                "REDIS_PORT", "6379",
                "REDIS_DB", "0"));

        var s3 = (ObjectStoreConfig.S3) config.objectStore();
        assertThat(s3.endpoint().toString()).isEqualTo("http://minio:9000");
        assertThat(s3.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(((ObjectStoreConfig.S3) StoreConfig.from(Map.of("MINIO_ENDPOINT", "minio:9000", "MINIO_ACCESS_KEY", "a",
                "MINIO_SECRET_KEY", "b", "MINIO_READ_TIMEOUT", "9")).objectStore()).readTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(s3.bucket()).isEqualTo("data-pipeline");
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://postgres:5432/pipeline");
        assertThat(config.database().user()).isEqualTo("user");
        assertThat(config.database().password()).isEqualTo("password");
        assertThat(config.database().embedded()).isFalse();
        assertThat(config.database().queryTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(StoreConfig.from(Map.of("DATABASE_URL", "postgresql://db/x", "DATABASE_QUERY_TIMEOUT", "7"))
                .database().queryTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.cache()).isEqualTo(new CacheConfig.Redis("redis", 6379, 0, null, false, "pipestore:"));
    }

    @Test
    void secureEndpointUsesHttps() {
        StoreConfig config = StoreConfig.from(Map.of(
                "MINIO_ENDPOINT", "s3.example.org", "MINIO_ACCESS_KEY", "a", "MINIO_SECRET_KEY", SECRET, "MINIO_SECURE", "true"));

        assertThat(((ObjectStoreConfig.S3) config.objectStore()).endpoint().toString()).isEqualTo("https://s3.example.org");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "postgresql://u:p@db.local/pipeline?sslmode=verify-full | jdbc:postgresql://db.local:5432/pipeline?sslmode=verify-full",
        "postgres://u@db.local:6543/pipeline                   | jdbc:postgresql://db.local:6543/pipeline",
        "postgresql+psycopg2://u:p@db.local/pipeline           | jdbc:postgresql://db.local:5432/pipeline",
        "mysql://root@127.0.0.1/test                           | jdbc:mariadb://127.0.0.1:3306/test",
        "mariadb://root:x@127.0.0.1:3307/test?sslmode=require  | jdbc:mariadb://127.0.0.1:3307/test?sslMode=trust",
        "jdbc:postgresql://127.0.0.1:5432/test                 | jdbc:postgresql://127.0.0.1:5432/test",
        "jdbc:mysql://127.0.0.1:3306/test                      | jdbc:mariadb://127.0.0.1:3306/test",
        "jdbc:sqlite:/tmp/x.db                                 | jdbc:sqlite:/tmp/x.db",
    })
    void databaseUrlBecomesJdbcUrl(String databaseUrl, String jdbcUrl) {
        assertThat(StoreConfig.from(Map.of("DATABASE_URL", databaseUrl)).database().jdbcUrl()).isEqualTo(jdbcUrl);
    }

    @Test
    void unencodedAtSignInPasswordIsTakenAsPartOfThePassword() {
        DatabaseConfig db = StoreConfig.from(Map.of("DATABASE_URL", "postgresql://u:" + SECRET + "@h/db")).database();

        assertThat(db.password()).isEqualTo(SECRET);
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(db.displayUrl()).isEqualTo("postgresql://u:***@h/db");
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        DatabaseConfig db = StoreConfig.from(Map.of("DATABASE_URL", "postgresql://us%40er:p%2Fa%3Ass@h/db")).database();

        assertThat(db.user()).isEqualTo("us@er");
        assertThat(db.password()).isEqualTo("p/a:ss");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "oracle://u:" + SECRET + "@h/db                 | unknown scheme 'oracle'",
        "postgresql://u:" + SECRET + "@h                | no database name",
        "postgresql://u:" + SECRET + "@/db              | no host",
        "postgresql://u:" + SECRET + "@h:notaport/db    | the port is not a number",
        // Unencoded '/', '#' or '?' end the user info early; no part of the password may show as a port or a host.
        "postgresql://u:" + SECRET + "/" + SECRET + "@h/db | must be percent-encoded",
        "postgresql://u:" + SECRET + "#" + SECRET + "@h/db | must be percent-encoded",
        "mysql://u:" + SECRET + "?" + SECRET + "@h/db      | must be percent-encoded",
        "jdbc:postgresql://u:" + SECRET + "@h:5432/db     | cannot carry user:password@",
        "jdbc:mysql://u:" + SECRET + "@h:3306/db          | cannot carry user:password@",
        "postgresql://u:" + SECRET + "@h/db?sslmode=yes | sslmode 'yes'",
        "not a url at all                               | not a valid URL",
        "jdbc:oracle:thin:@h:1521:db                    | unsupported JDBC URL",
        "postgresql://u:" + SECRET + "@h/db?flag        | is not name=value",
    })
    void malformedDatabaseUrlNamesTheVariableAndHidesThePassword(String databaseUrl, String problem) {
        assertThatThrownBy(() -> StoreConfig.from(Map.of("DATABASE_URL", databaseUrl)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("DATABASE_URL");
                    assertThat(e.getMessage()).startsWith("DATABASE_URL: ").contains(problem).doesNotContain(SECRET);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DATABASE_POOL_SIZE    | 0     | out of range",
        "DATABASE_POOL_SIZE    | -3    | out of range",
        "DATABASE_POOL_SIZE    | ten   | not a whole number",
        "DATABASE_MAX_OVERFLOW | -1    | out of range",
        "DATABASE_MAX_OVERFLOW | 2.5   | not a whole number",
        "DATABASE_QUERY_TIMEOUT | 0    | out of range",
        "DATABASE_QUERY_TIMEOUT | 3601 | out of range",
        "MINIO_READ_TIMEOUT    | 0     | out of range",
        "REDIS_PORT            | 70000 | out of range",
        "MINIO_SECURE          | maybe | not true or false",
        "PIPESTORE_BUCKET      | Data_Pipeline | not a valid S3 bucket name",
    })
    void invalidNumbersAndFlagsNameTheVariable(String variable, String value, String problem) {
        var env = new java.util.HashMap<>(Map.of(variable, value));
        if (variable.startsWith("REDIS")) {
            env.put("REDIS_HOST", "127.0.0.1");
        }
        if (variable.startsWith("MINIO")) {
            env.putAll(Map.of("MINIO_ENDPOINT", "127.0.0.1:9000", "MINIO_ACCESS_KEY", "a", "MINIO_SECRET_KEY", SECRET));
        }
        assertThatThrownBy(() -> StoreConfig.from(env))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo(variable);
                    assertThat(e.getMessage()).contains(problem).doesNotContain(SECRET);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"MINIO_ACCESS_KEY", "MINIO_SECRET_KEY"})
    void s3EndpointWithoutCredentialsNamesTheMissingVariable(String missing) {
        var env = new java.util.HashMap<>(Map.of("MINIO_ENDPOINT", "127.0.0.1:9000", "MINIO_ACCESS_KEY", "a", "MINIO_SECRET_KEY", SECRET));
        env.remove(missing);

        assertThatThrownBy(() -> StoreConfig.from(env))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo(missing));
    }

    @Test
    void apiKeyChecksAreRememberedFiveSecondsUnlessConfigured() {
        assertThat(StoreConfig.from(Map.of()).keyCacheTtl()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(StoreConfig.from(Map.of("PIPESTORE_KEY_CACHE_TTL", "0")).keyCacheTtl()).isZero();
        assertThat(StoreConfig.from(Map.of("PIPESTORE_KEY_CACHE_TTL", "30")).keyCacheTtl()).isEqualTo(java.time.Duration.ofSeconds(30));
        for (String bad : new String[] {"-1", "3601", "5s"}) {
            assertThatThrownBy(() -> StoreConfig.from(Map.of("PIPESTORE_KEY_CACHE_TTL", bad)))
                    .isInstanceOfSatisfying(ConfigurationException.class,
                            e -> assertThat(e.variable()).isEqualTo("PIPESTORE_KEY_CACHE_TTL"));
        }
    }

    @Test
    void uploadMemoryIsAnEighthOfTheHeapUpTo128MiBUnlessConfigured() {
        long expected = Math.min(128L << 20, Runtime.getRuntime().maxMemory() / 8);
        assertThat(StoreConfig.from(Map.of()).uploadMemoryBytes()).isEqualTo(expected);
        assertThat(StoreConfig.from(Map.of("PIPESTORE_UPLOAD_MEMORY_BYTES", "0")).uploadMemoryBytes()).isZero();
        assertThat(StoreConfig.from(Map.of("PIPESTORE_UPLOAD_MEMORY_BYTES", "268435456")).uploadMemoryBytes()).isEqualTo(256L << 20);
        for (String bad : new String[] {"-1", "64MiB", "1.5", "lots"}) {
            assertThatThrownBy(() -> StoreConfig.from(Map.of("PIPESTORE_UPLOAD_MEMORY_BYTES", bad)))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                        assertThat(e.variable()).isEqualTo("PIPESTORE_UPLOAD_MEMORY_BYTES");
                        assertThat(e.getMessage()).contains("PIPESTORE_UPLOAD_MEMORY_BYTES");
                    });
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1:99999                      | port 99999, above 65535",
        "http://127.0.0.1:9000/data           | has a path",
        "http://key:" + SECRET + "@127.0.0.1:9000 | has user:password@ in it"
    })
    void badEndpointsNameTheVariableAndNeverTheirUserInfo(String endpoint, String problem) {
        assertThatThrownBy(() -> StoreConfig.from(Map.of("MINIO_ENDPOINT", endpoint, "MINIO_ACCESS_KEY", "a",
                        "MINIO_SECRET_KEY", "b")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.variable()).isEqualTo("MINIO_ENDPOINT");
                    assertThat(e.getMessage()).contains(problem).doesNotContain(SECRET);
                });
    }

    @Test
    void endpointSchemeContradictingMinioSecureIsRefused() {
        assertThatThrownBy(() -> StoreConfig.from(Map.of("MINIO_ENDPOINT", "http://h:9000", "MINIO_SECURE", "true",
                        "MINIO_ACCESS_KEY", "a", "MINIO_SECRET_KEY", SECRET)))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.variable()).isEqualTo("MINIO_SECURE"));
    }

    @Test
    void toStringNeverShowsSecrets() {
        StoreConfig config = StoreConfig.from(Map.of(
                "MINIO_ENDPOINT", "127.0.0.1:9000", "MINIO_ACCESS_KEY", "a", "MINIO_SECRET_KEY", SECRET,
                "DATABASE_URL", "postgresql://u:" + SECRET + "@h/db",
                "REDIS_HOST", "127.0.0.1", "REDIS_PASSWORD", SECRET));

        assertThat(config.toString()).doesNotContain(SECRET).contains("***");
    }

    @Test
    void unsetAndBlankVariablesTakeDefaults() {
        StoreConfig config = StoreConfig.from(Map.of("DATABASE_URL", "  ", "REDIS_HOST", "", "DATABASE_POOL_SIZE", ""));

        assertThat(config.database().embedded()).isTrue();
        assertThat(config.database().poolSize()).isEqualTo(10);
        assertThat(config.cache()).isInstanceOf(CacheConfig.InProcess.class);
    }
}
