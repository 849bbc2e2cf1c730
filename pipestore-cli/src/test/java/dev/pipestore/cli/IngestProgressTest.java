package dev.pipestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.testing.audio.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest progress bar: drawn on a terminal for many or large files, never into a pipe or a file. */
class IngestProgressTest {

    private static final String STORED_LINE = "[0-9a-f-]{36}  .*\\.wav  wav .*";

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeEach
    void environment() {
        env = Map.of("PIPESTORE_DATA_DIR", dir.resolve("data").toString(), "TERM", "dumb");
    }

    @Test
    void manyFilesOnATerminalShowTheBarAndEachStoredLineStartsClean() throws Exception {
        List<String> args = new ArrayList<>(List.of("ingest"));
        for (int i = 0; i < 5; i++) {
            args.add(write("f" + i + ".wav", TestAudio.wav(0.5, 8000)).toString());
        }

        CliProcess.Result result = CliProcess.runOnTerminal(env, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        assertThat(result.stdout()).contains("] 0/5 files").contains("] 4/5 files").contains("] 5/5 files");
        List<String> stored = result.stdout().lines().map(IngestProgressTest::lastRedraw).filter(l -> l.matches(STORED_LINE)).toList();
        assertThat(stored).hasSize(5);
    }

    @Test
    void aSingleLargeFileMovesTheBarBeforeItIsStored() throws Exception {
        byte[] wav = TestAudio.wav(2200, 16000);
        assertThat(wav.length).isGreaterThan(64 * 1024 * 1024);
        Path file = write("long.wav", wav);

        CliProcess.Result result = CliProcess.runOnTerminal(env, "ingest", file.toString());

        assertThat(result.exitCode()).as(result.stdout()).isZero();
        String mib = String.format(java.util.Locale.ROOT, "%.1f", wav.length / 1048576.0);
        assertThat(result.stdout()).contains("] 0/1 files, " + mib + "/" + mib + " MiB storing").contains("] 1/1 files");
    }

    @Test
    void noBarWhenOutputIsNotATerminal() throws Exception {
        List<String> args = new ArrayList<>(List.of("ingest"));
        for (int i = 0; i < 5; i++) {
            args.add(write("g" + i + ".wav", TestAudio.wav(0.5, 8000)).toString());
        }

        CliProcess.Result result = CliProcess.run(env, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).doesNotContain("files,").doesNotContain("\r");
        assertThat(result.stdout().lines()).hasSize(5).allMatch(line -> line.matches(STORED_LINE));
    }

    @Test
    void noBarDrawnIntoARedirectedStderrAndOddNamesStayOneLine() throws Exception {
        Path odd = Files.createDirectories(dir.resolve("line\nbreak"));
        List<String> args = new ArrayList<>(List.of("ingest"));
        for (int i = 0; i < 5; i++) {
            args.add(Files.write(odd.resolve("h" + i + ".wav"), TestAudio.wav(0.5, 8000)).toString());
        }

        CliProcess.Result result = CliProcess.runOnTerminalWithStderrTo(dir.resolve("err.log"), env, args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).doesNotContain("\r").doesNotContain("files,");
        assertThat(result.stdout().lines().filter(line -> !line.isBlank())).hasSize(5)
                .allSatisfy(line -> assertThat(line).contains("line\\u000abreak"));
    }

    /** What a terminal line finally shows: the text after its last carriage return. */
    private static String lastRedraw(String line) {
        return line.substring(line.lastIndexOf('\r') + 1);
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }
}
