package dev.pipestore.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.ApiKey;
import dev.pipestore.catalog.Role;
import dev.pipestore.catalog.sql.SqlCatalog;
import dev.pipestore.catalog.sql.SqlCatalogSettings;
import dev.pipestore.testing.sql.MariaDbDatabaseExtension;
import dev.pipestore.testing.sql.PostgresDatabaseExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** API keys through the library on every catalog backend: created once, stored hashed, authenticated, revoked. */
class ApiKeyServiceTest {

    abstract static class OnCatalog {

        final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        SqlCatalog catalog;
        ApiKeyService keys;

        abstract SqlCatalogSettings settings();

        @BeforeEach
        void open() {
            catalog = SqlCatalog.open(settings(), true);
            keys = new ApiKeyService(catalog.apiKeys(), clock);
        }

        @AfterEach
        void close() {
            catalog.close();
        }

        @Test
        void aCreatedKeyAuthenticatesWithItsRoleAndIsListed() {
            CreatedApiKey created = keys.create(Role.WORKER, "  asr worker 1 ");

            assertThat(created.secret()).matches("ps_[a-z2-7]{52}");
            assertThat(created.key().name()).isEqualTo("asr worker 1");
            assertThat(created.key().keyPrefix()).isEqualTo(created.secret().substring(0, 8));
            assertThat(keys.authenticate(created.secret())).get().satisfies(key -> {
                assertThat(key.id()).isEqualTo(created.key().id());
                assertThat(key.role()).isEqualTo(Role.WORKER);
            });
            assertThat(keys.authenticate(" " + created.secret() + "\n")).isPresent();
            assertThat(keys.list()).extracting(ApiKey::id).containsExactly(created.key().id());
        }

        @Test
        void theCatalogHoldsTheSecretsHashNeverTheSecret() throws SQLException {
            CreatedApiKey created = keys.create(Role.ADMIN, "ops");
            List<String> stored = new ArrayList<>();
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM api_keys")) {
                assertThat(rows.next()).isTrue();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    stored.add(rows.getString(column));
                }
                assertThat(rows.getString("key_hash")).isEqualTo(ApiKeySecrets.sha256Hex(created.secret()));
            }

            assertThat(stored).noneMatch(value -> value != null && value.contains(created.secret().substring(8)));
            assertThat(created.toString()).doesNotContain(created.secret().substring(8));
        }

        @Test
        void aRevokedKeyNoLongerAuthenticatesButStaysListed() {
            CreatedApiKey created = keys.create(Role.READ, "dashboard");

            ApiKey revoked = keys.revoke(created.key().id());

            assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
            assertThat(keys.authenticate(created.secret())).isEmpty();
            assertThat(keys.list()).containsExactly(revoked);
            assertThatThrownBy(() -> keys.revoke(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        }

        @Test
        void malformedOrUnknownSecretsDoNotAuthenticate() {
            String secret = keys.create(Role.INGEST, "uploader").secret();
            char last = secret.charAt(secret.length() - 1);
            String oneCharOff = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');

            for (String wrong : new String[] {null, "", "   ", "Bearer " + secret, secret.toUpperCase(), secret + "a",
                    secret.substring(1), oneCharOff, ApiKeySecrets.generate(), "ps_' OR '1'='1", "ps_\0"}) {
                assertThat(keys.authenticate(wrong)).as("%s", wrong).isEmpty();
            }
        }

        @Test
        void useIsRecordedAtMostOnceAMinute() {
            CreatedApiKey created = keys.create(Role.READ, "reader");
            Instant first = clock.instant();

            keys.authenticate(created.secret());
            clock.advance(Duration.ofSeconds(30));
            keys.authenticate(created.secret());
            assertThat(catalog.apiKeys().get(created.key().id()).lastUsedAt()).isEqualTo(first);

            clock.advance(Duration.ofSeconds(31));
            assertThat(keys.authenticate(created.secret()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
            assertThat(catalog.apiKeys().get(created.key().id()).lastUsedAt()).isEqualTo(clock.instant());
        }

        @Test
        void namesMustSayWhatTheKeyIsFor() {
            for (String name : new String[] {null, "", "  ", "x".repeat(101), "line\nbreak"}) {
                assertThatThrownBy(() -> keys.create(Role.READ, name)).as("%s", name)
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
            }
            assertThat(keys.list()).isEmpty();
        }

        @Test
        void secretsNeverRepeat() {
            Set<String> secrets = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                secrets.add(keys.create(Role.READ, "k" + i).secret());
            }
            assertThat(secrets).hasSize(50);
        }

        Connection connect() throws SQLException {
            SqlCatalogSettings settings = settings();
            return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        }
    }

    @Nested
    class OnSqlite extends OnCatalog {

        @TempDir
        Path directory;

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings("jdbc:sqlite:" + directory.resolve("catalog.db"), null, null, 2, 0);
        }
    }

    @Nested
    class OnPostgres extends OnCatalog {

        @RegisterExtension
        final PostgresDatabaseExtension database = new PostgresDatabaseExtension();

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings(database.jdbcUrl(), database.user(), database.password(), 2, 0);
        }
    }

    @Nested
    class OnMariaDb extends OnCatalog {

        @RegisterExtension
        final MariaDbDatabaseExtension database = new MariaDbDatabaseExtension();

        @Override
        SqlCatalogSettings settings() {
            return new SqlCatalogSettings(database.jdbcUrl(), database.user(), database.password(), 2, 0);
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
