package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.NotFoundException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link ApiKeys}: stored by hash, listed, revoked once, use recorded. */
interface ApiKeysContract extends UsesCatalog {

    static ApiKey key(Role role, String name, long createdSecondsAfterT0) {
        return new ApiKey(UUID.randomUUID(), name, role, Samples.sha256(), "ps_abcde", at(createdSecondsAfterT0), null, null);
    }

    @Test
    default void anInsertedKeyReadsBackByIdAndByHashWithItsRole() {
        for (Role role : Role.values()) {
            ApiKey key = catalog().apiKeys().insert(key(role, "key for " + role.wireName(), 1));

            assertThat(catalog().apiKeys().find(key.id())).contains(key);
            assertThat(catalog().apiKeys().findByHash(key.keyHash())).contains(key);
        }
        assertThat(catalog().apiKeys().findByHash(Samples.sha256())).isEmpty();
        assertThat(catalog().apiKeys().find(UUID.randomUUID())).isEmpty();
    }

    @Test
    default void listGivesEveryKeyOldestFirstRevokedOnesIncluded() {
        ApiKey second = catalog().apiKeys().insert(key(Role.READ, "second", 2));
        ApiKey first = catalog().apiKeys().insert(key(Role.ADMIN, "first", 1));
        ApiKey revoked = catalog().apiKeys().revoke(catalog().apiKeys().insert(key(Role.WORKER, "third", 3)).id(), at(4));

        assertThat(catalog().apiKeys().list()).containsExactly(first, second, revoked);
    }

    @Test
    default void revokingStampsTheKeyOnceAndKeepsTheFirstTime() {
        ApiKey key = catalog().apiKeys().insert(key(Role.INGEST, "ingest", 1));

        ApiKey revoked = catalog().apiKeys().revoke(key.id(), at(10));
        ApiKey again = catalog().apiKeys().revoke(key.id(), at(20));

        assertThat(revoked).isEqualTo(key.withRevokedAt(at(10)));
        assertThat(revoked.revoked()).isTrue();
        assertThat(again).isEqualTo(revoked);
        assertThat(catalog().apiKeys().findByHash(key.keyHash())).contains(revoked);
    }

    @Test
    default void revokingAnUnknownKeyIsNotFound() {
        assertThatThrownBy(() -> catalog().apiKeys().revoke(UUID.randomUUID(), at(1)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.kind()).isEqualTo("API key"));
    }

    @Test
    default void aSecondKeyWithTheSameSecretIsAConflictThatDoesNotShowTheHash() {
        ApiKey key = catalog().apiKeys().insert(key(Role.READ, "one", 1));
        ApiKey twin = new ApiKey(UUID.randomUUID(), "two", Role.ADMIN, key.keyHash(), "ps_abcde", at(2), null, null);

        assertThatThrownBy(() -> catalog().apiKeys().insert(twin))
                .isInstanceOf(ConflictException.class)
                .message().doesNotContain(key.keyHash());
        assertThat(catalog().apiKeys().list()).containsExactly(key);
    }

    @Test
    default void touchRecordsTheLastUseAndNeverMovesItBack() {
        ApiKey key = catalog().apiKeys().insert(key(Role.READ, "reader", 1));

        catalog().apiKeys().touch(key.id(), at(30));
        catalog().apiKeys().touch(key.id(), at(20));
        catalog().apiKeys().touch(UUID.randomUUID(), at(40));

        assertThat(catalog().apiKeys().get(key.id()).lastUsedAt()).isEqualTo(at(30));
    }

    @Test
    default void theTableHoldsTheHashAndPrefixOnly() throws java.sql.SQLException {
        ApiKey key = catalog().apiKeys().insert(key(Role.ADMIN, "admin", 1));

        assertThat(((CatalogContract) this).queryForString("SELECT key_prefix FROM api_keys WHERE key_hash = ?", key.keyHash()))
                .isEqualTo("ps_abcde");
        assertThat(((CatalogContract) this).queryForString("SELECT role FROM api_keys WHERE key_hash = ?", key.keyHash()))
                .isEqualTo("admin");
    }
}
