package dev.pipestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.Role;
import dev.pipestore.config.StoreConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipestore keys}: a created key's secret is printed once and works; list never shows it; revoke ends it. */
class KeysCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void createPrintsAWorkingSecretOnceListShowsTheKeyAndRevokeEndsIt() throws Exception {
        Map<String, String> env = Map.of("PIPESTORE_DATA_DIR", dataDir.toString());
        CliProcess.Result created = CliProcess.run(env, "keys", "create", "--role", "worker", "--name", "asr-3");
        assertThat(created.exitCode()).as(created.stderr()).isZero();
        String secret = created.stdout().strip();
        assertThat(secret).startsWith("ps_").hasSize(55);
        assertThat(created.stderr()).contains("worker key").contains("asr-3").doesNotContain(secret);

        String id;
        try (PipeStore store = PipeStore.open(StoreConfig.from(env))) {
            var key = store.apiKeys().authenticate(secret).orElseThrow();
            assertThat(key.role()).isEqualTo(Role.WORKER);
            id = key.id().toString();
        }

        CliProcess.Result listed = CliProcess.run(env, "keys", "list");
        assertThat(listed.stdout()).contains(id).contains("worker").contains("asr-3").contains("active").doesNotContain(secret);
        JsonNode json = Metadata.MAPPER.readTree(CliProcess.run(env, "keys", "list", "--json").stdout());
        assertThat(json.path("items")).hasSize(1);
        assertThat(json.path("items").get(0).path("key_prefix").asText()).isEqualTo(secret.substring(0, 8));
        assertThat(json.toString()).doesNotContain(secret).doesNotContain("hash");

        CliProcess.Result revoked = CliProcess.run(env, "keys", "revoke", id);
        assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
        assertThat(revoked.stdout()).contains("revoked " + id);
        assertThat(CliProcess.run(env, "keys", "list").stdout()).contains("revoked");
        try (PipeStore store = PipeStore.open(StoreConfig.from(env))) {
            assertThat(store.apiKeys().authenticate(secret)).isEmpty();
        }
    }

    @Test
    void createWithJsonPrintsTheKeyAndItsSecret() throws Exception {
        CliProcess.Result created = CliProcess.run(Map.of("PIPESTORE_DATA_DIR", dataDir.toString()), "keys", "create",
                "--role", "read", "--name", "dashboard", "--json");
        JsonNode key = Metadata.MAPPER.readTree(created.stdout());
        assertThat(key.path("role").asText()).isEqualTo("read");
        assertThat(key.path("secret").asText()).startsWith("ps_");
    }

    @Test
    void badInputIsReportedWithoutCreatingAnything() throws Exception {
        Map<String, String> env = Map.of("PIPESTORE_DATA_DIR", dataDir.toString());
        CliProcess.Result role = CliProcess.run(env, "keys", "create", "--role", "root", "--name", "x");
        assertThat(role.exitCode()).isEqualTo(1);
        assertThat(role.stderr()).contains("unknown role 'root'");
        assertThat(CliProcess.run(env, "keys", "create", "--role", "read").exitCode()).isEqualTo(2);
        CliProcess.Result id = CliProcess.run(env, "keys", "revoke", "not-an-id");
        assertThat(id.exitCode()).isEqualTo(1);
        assertThat(CliProcess.run(env, "keys", "list").stdout()).isEmpty();
    }
}
