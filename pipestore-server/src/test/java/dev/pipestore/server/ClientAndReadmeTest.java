package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a non-JVM stage starts from works as written: the Python client ({@code clients/python}) driven through every
 * call it has, and the README's HTTP API section (its curl walk-through and its Python example) run as is.
 */
@Timeout(180)
class ClientAndReadmeTest {

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness();

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final String README_BASE = "http://127.0.0.1:8080";

    @TempDir
    Path workdir;

    /** The README's commands run in a directory like a checkout's: samples/ and a pipestore-data/admin.key. */
    @BeforeEach
    void layOutAWorkingDirectory() throws IOException {
        Files.createDirectories(workdir.resolve("samples"));
        Files.copy(REPO.resolve("samples/hello.wav"), workdir.resolve("samples/hello.wav"));
        Files.createDirectories(workdir.resolve("pipestore-data"));
        Files.writeString(workdir.resolve("pipestore-data/admin.key"), SERVER.key(Role.ADMIN) + "\n");
    }

    @Test
    void pythonClientDoesEverythingItOffers() throws Exception {
        Path wav = workdir.resolve("call.wav");
        Files.write(wav, TestAudio.wav(1.5, 16000));
        Path script = workdir.resolve("client_walkthrough.py");
        try (InputStream in = getClass().getResourceAsStream("client_walkthrough.py")) {
            Files.copy(in, script);
        }
        Run run = run(List.of("python3", script.toString(), SERVER.server().baseUri().toString(), SERVER.key(Role.ADMIN),
                wav.toString(), workdir.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("client walkthrough OK");
    }

    @Test
    void readmeCurlWalkThroughRunsAsWritten() throws Exception {
        String block = readmeBlock("sh", "BASE=");
        Path script = workdir.resolve("walkthrough.sh");
        Files.writeString(script, "set -euo pipefail\n" + block.replace(README_BASE, SERVER.server().baseUri().toString()));
        Run run = run(List.of("bash", script.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("{\"status\":\"ok\"}", "\"call\":42", "transcribed", "sentiment", "<b>hello</b>", "RIFF",
                "{\"step\":2}", "urn:pipestore:problem:invalid-input", "deleted: 204");
        assertThat(run.output().lines()).contains("de", "404");
        assertThat(new String(Files.readAllBytes(workdir.resolve("segment.wav")), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    }

    @Test
    void readmePythonExampleRunsAsWritten() throws Exception {
        String example = readmeBlock("python", "from pipestore_client");
        Path script = workdir.resolve("example.py");
        Files.writeString(script, example.replace(README_BASE, SERVER.server().baseUri().toString()));
        Run run = run(List.of("python3", script.toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("<b>hello</b>");
        assertThat(Files.exists(workdir.resolve("segment.wav"))).isTrue();
    }

    /** The first fenced block of {@code language} in the README's "HTTP API" section that contains {@code marker}. */
    private static String readmeBlock(String language, String marker) throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        int section = readme.indexOf("\n## HTTP API\n");
        assertThat(section).as("README has an HTTP API section").isPositive();
        String rest = readme.substring(section + 1);
        int end = rest.indexOf("\n## ", 1);
        rest = end < 0 ? rest : rest.substring(0, end);
        for (String part : rest.split("```" + language + "\n")) {
            String block = part.contains("```") ? part.substring(0, part.indexOf("```")) : "";
            if (block.contains(marker)) {
                return block;
            }
        }
        throw new AssertionError("no ```" + language + " block with " + marker + " in the HTTP API section");
    }

    private record Run(int exitCode, String output) {}

    private Run run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(workdir.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", REPO.resolve("clients/python").toString());
        builder.environment().remove("PIPESTORE_DATA_DIR");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
