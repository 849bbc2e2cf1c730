package dev.pipestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void appliesTheSchemaOnceAndThenNothing() throws Exception {
        Map<String, String> env = Map.of("PIPESTORE_DATA_DIR", dataDir.toString());

        CliProcess.Result first = CliProcess.run(env, "migrate");
        CliProcess.Result second = CliProcess.run(env, "migrate");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stdout()).containsPattern("[1-9]\\d* migration\\(s\\) applied");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains(" 0 migration(s) applied");
        assertThat(dataDir.resolve("catalog.db")).exists();
    }
}
