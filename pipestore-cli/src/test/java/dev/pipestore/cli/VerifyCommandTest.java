package dev.pipestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.fs.StoredCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipestore verify} as an operator runs it, on the embedded store, whose files a test can damage. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private Map<String, String> env;
    private Path bucket;

    @BeforeEach
    void environment() {
        env = Map.of("PIPESTORE_DATA_DIR", dir.resolve("data").toString());
        bucket = dir.resolve("data").resolve("objects").resolve("data-pipeline");
    }

    @Test
    void intactDataPassesAndABitFlipIsFoundByTheDeepCheckOnly() throws Exception {
        byte[] wav = TestAudio.wav(1, 8000);
        String id = ingest("a.wav", wav);
        ingest("b.wav", TestAudio.wav(2, 8000));

        CliProcess.Result clean = CliProcess.run(env, "verify", "--deep");
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        assertThat(clean.stdout().strip()).startsWith("Checked 2 audio files and 0 text documents (read ")
                .endsWith("every object is there, whole; 0 orphans.");

        StoredCopies.flipBit(dir.resolve("data").resolve("objects"), wav, 20);
        CliProcess.Result quick = CliProcess.run(env, "verify");
        CliProcess.Result deep = CliProcess.run(env, "verify", "--deep");
        JsonNode json = Metadata.MAPPER.readTree(CliProcess.run(env, "verify", "--deep", "--json").stdout());

        assertThat(quick.exitCode()).as("the size is right: only reading finds the flip").isZero();
        assertThat(deep.exitCode()).isEqualTo(1);
        assertThat(deep.stdout().lines().findFirst().orElseThrow()).startsWith("damaged    audio file " + id + " (raw/audio/")
                .contains("SHA-256");
        assertThat(deep.stdout()).contains("1 with a missing, wrong-sized or damaged object");
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("findings")).singleElement().satisfies(finding -> {
            assertThat(finding.get("kind").asText()).isEqualTo("damaged");
            assertThat(finding.get("id").asText()).isEqualTo(id);
        });
        assertThat(json.get("summary").get("audio_files").asInt()).isEqualTo(2);
        assertThat(json.get("summary").get("broken").asInt()).isEqualTo(1);
    }

    @Test
    void orphansAreListedWithoutFailingAndSweptOnlyWhenOldEnough() throws Exception {
        ingest("kept.wav", TestAudio.wav(1, 8000));
        Path orphan = Files.createDirectories(bucket.resolve("raw/audio/2026-01-01"))
                .resolve("20260101_000000_0123456789abcdef_left.wav");
        Files.write(orphan, TestAudio.wav(0.5, 8000));
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        CliProcess.Result listed = CliProcess.run(env, "verify");

        assertThat(listed.exitCode()).as(listed.stderr()).isZero();
        assertThat(listed.stdout()).contains("orphan     raw/audio/2026-01-01/20260101_000000_0123456789abcdef_left.wav: ")
                .contains("; 1 orphan.");
        assertThat(CliProcess.run(env, "verify", "--orphan-grace", "3h").stdout()).contains("; 0 orphans.");
        CliProcess.Result tooEager = CliProcess.run(env, "verify", "--sweep-orphans", "--orphan-grace", "5m");
        assertThat(tooEager.exitCode()).isEqualTo(1);
        assertThat(tooEager.stderr()).contains("--orphan-grace: a sweep needs a grace of at least 10m");
        assertThat(orphan).exists();
        CliProcess.Result notAnAge = CliProcess.run(env, "verify", "--orphan-grace", "2026-01-01");
        assertThat(notAnAge.exitCode()).isEqualTo(1);
        assertThat(notAnAge.stderr()).contains("--orphan-grace: '2026-01-01' is not an age");

        CliProcess.Result swept = CliProcess.run(env, "verify", "--sweep-orphans");

        assertThat(swept.exitCode()).as(swept.stderr()).isZero();
        assertThat(swept.stdout()).contains("; 1 orphan (1 deleted).");
        assertThat(orphan).doesNotExist();
        assertThat(CliProcess.run(env, "verify", "--deep").exitCode()).as("the kept file is untouched").isZero();
    }

    private String ingest(String name, byte[] wav) throws Exception {
        Path file = Files.write(dir.resolve(name), wav);
        CliProcess.Result result = CliProcess.run(env, "ingest", file.toString(), "--json");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return Metadata.MAPPER.readTree(result.stdout()).get("id").asText();
    }
}
