package dev.pipestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.fs.StoredCopies;
import dev.pipestore.catalog.Metadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data commands as a user runs them: a child JVM per command, on the embedded defaults. */
class DataCommandsTest {

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeEach
    void environment() {
        env = Map.of("PIPESTORE_DATA_DIR", dir.resolve("data").toString());
    }

    @Test
    void ingestReportsRefusedFilesAndStillStoresTheRest() throws Exception {
        Path good1 = write("one.wav", TestAudio.wav(1.5, 8000));
        Path good2 = write("two.wav", TestAudio.wav(2.5, 16000));
        Path liar = write("liar.wav", "not audio".getBytes(StandardCharsets.UTF_8));
        Path missing = dir.resolve("missing.wav");

        CliProcess.Result result = run("ingest", good1.toString(), liar.toString(), missing.toString(), good2.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout().lines()).hasSize(2).allMatch(line -> line.matches("[0-9a-f-]{36}  .*\\.wav  wav .*"));
        // One line per refused file, naming it once.
        assertThat(result.stderr().lines()).containsExactly(
                "pipestore: " + liar + ": not an audio file (starts with bytes 6e 6f 74 20)",
                "pipestore: " + missing + ": does not exist");
        JsonNode listed = json(run("ls", "--json"));
        assertThat(listed.get("items")).hasSize(2);
        assertThat(listed.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void ingestJsonUsesTheSeedColumnNamesAndGetCatAndLsReadItBack() throws Exception {
        byte[] wav = TestAudio.wav(3, 16000);
        Path file = write("call.wav", wav);

        JsonNode record = json(run("ingest", file.toString(), "--json", "--language", "en", "--metadata", "{\"site\":\"a\"}"));

        assertThat(record.get("file_path").asText()).startsWith("data-pipeline/raw/audio/");
        assertThat(record.get("file_size").asLong()).isEqualTo(wav.length);
        assertThat(record.get("duration_seconds").asInt()).isEqualTo(3);
        assertThat(record.get("format").asText()).isEqualTo("wav");
        assertThat(record.get("status").asText()).isEqualTo("uploaded");
        assertThat(record.get("created_at").asText()).endsWith("Z");
        assertThat(record.get("metadata").get("site").asText()).isEqualTo("a");
        String id = record.get("id").asText();

        assertThat(json(run("get", id, "--json"))).isEqualTo(record);
        assertThat(run("get", id).stdout()).contains("content_sha256:").contains(record.get("content_sha256").asText());
        assertThat(catBytes(id)).isEqualTo(wav);
        JsonNode page = json(run("ls", "--status", "uploaded", "--since", "1h", "--limit", "1", "--json"));
        assertThat(page.get("items").get(0).get("id").asText()).isEqualTo(id);
        assertThat(json(run("ls", "--status", "failed", "--json")).get("items")).isEmpty();
    }

    @Test
    void sameIdempotencyKeyGivesTheSameRecord() throws Exception {
        Path file = write("a.wav", TestAudio.wav(1, 8000));

        String first = run("ingest", file.toString(), "--idempotency-key", "job-7").stdout();
        String second = run("ingest", file.toString(), "--idempotency-key", "job-7").stdout();

        assertThat(first.substring(0, 36)).isEqualTo(second.substring(0, 36));
        assertThat(json(run("ls", "--json")).get("items")).hasSize(1);
    }

    @Test
    void argumentsStartingWithAtAreTakenAsGivenNotAsArgumentFiles() throws Exception {
        Path file = write("take.wav", TestAudio.wav(1, 8000));
        Path batch = write("batch", "other-key".getBytes(StandardCharsets.UTF_8));

        CliProcess.Result result = run("ingest", file.toString(), "--idempotency-key", "@" + batch, "--json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(json(result).get("idempotency_key").asText()).isEqualTo("@" + batch);
    }

    @Test
    void lsFiltersByUploaderThatIngestRecorded() throws Exception {
        Path first = write("first.wav", TestAudio.wav(1, 8000));
        Path second = write("second.wav", TestAudio.wav(1.5, 8000));

        JsonNode byNightly = json(run("ingest", first.toString(), "--uploaded-by", "nightly-import", "--json"));
        run("ingest", second.toString());

        assertThat(byNightly.get("uploaded_by").asText()).isEqualTo("nightly-import");
        JsonNode listed = json(run("ls", "--uploaded-by", "nightly-import", "--json"));
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.get("items").get(0).get("id")).isEqualTo(byNightly.get("id"));
        assertThat(json(run("ls", "--uploaded-by", "someone-else", "--json")).get("items")).isEmpty();
        assertThat(json(run("ls", "--json")).get("items")).hasSize(2);
    }

    @Test
    void languagesWithoutATwoLetterCodeAreStoredAndThreeLetterCodesOfOthersAreFoundUnderTheirTwoLetterTag()
            throws Exception {
        Path cantonese = write("cantonese.wav", TestAudio.wav(1, 8000));
        Path english = write("english.wav", TestAudio.wav(1.5, 8000));

        JsonNode yue = json(run("ingest", cantonese.toString(), "--language", "zh-yue-HK", "--json"));
        JsonNode eng = json(run("ingest", english.toString(), "--language", "eng", "--json"));

        assertThat(yue.get("language").asText()).isEqualTo("yue-HK");
        assertThat(eng.get("language").asText()).isEqualTo("en");
        assertThat(json(run("ls", "--language", "en", "--json")).get("items")).extracting(item -> item.get("id"))
                .containsExactly(eng.get("id"));
        assertThat(json(run("ls", "--language", "yue-hk", "--json")).get("items")).extracting(item -> item.get("id"))
                .containsExactly(yue.get("id"));
    }

    @Test
    void badInputGetsOneClearLineAndExitCodeOne() throws Exception {
        Path file = write("a.wav", TestAudio.wav(1, 8000));

        assertFailure(run("ingest", file.toString(), "--metadata", "{not json"), "--metadata: not valid JSON");
        assertFailure(run("ingest", file.toString(), "--metadata", "[1,2]"), "--metadata: must be a JSON object");
        assertFailure(run("ingest", file.toString(), "--metadata", "{\"a\": 1} trailing"), "--metadata: not valid JSON: Unrecognized token 'trailing'");
        assertFailure(run("ingest", file.toString(), "--metadata", "{\"a\": 1}{\"b\": 2}"), "--metadata: not valid JSON: more follows");
        assertFailure(run("ingest", file.toString(), "--metadata", "{\"a\": 1, \"a\": 2}"), "key \"a\" appears twice");
        assertFailure(run("get", "x\ny\u001b[2J"), "x\\u000ay\\u001b[2J");
        assertFailure(run("ingest", file.toString(), file.toString(), "--idempotency-key", "k".repeat(200)),
                "--idempotency-key: with 2 files, file n is stored under K:n, so K may have at most 198 characters");
        assertFailure(run("ingest", file.toString(), "--language", "klingon-xx"), "--language");
        assertFailure(run("ingest", file.toString(), "--language", "en-JX"),
                "--language: 'en-JX' has the region subtag 'JX', which the IANA language subtag registry does not list");
        assertFailure(run("get", "not-an-id"), "not an id");
        assertFailure(run("get", UUID.randomUUID().toString()), "not found");
        assertFailure(run("cat", UUID.randomUUID().toString()), "not found");
        assertFailure(run("ls", "--status", "sleeping"), "unknown status 'sleeping'");
        assertFailure(run("ls", "--cursor", "garbage!"), "cursor");
        assertFailure(run("ingest", file.toString(), "--uploaded-by", " "), "--uploaded-by: must not be blank");
        assertFailure(run("ingest", file.toString(), "--uploaded-by", "a\u0007b"), "--uploaded-by: contains control characters");
        assertFailure(run("ls", "--uploaded-by", ""), "--uploaded-by: must not be blank");
        assertThat(run("ingest").exitCode()).as("no file is a usage error").isEqualTo(2);
        assertThat(json(run("ls", "--json")).get("items")).isEmpty();
    }

    @Test
    void rmDeletesAudioAndTextAndAProcessedFileOnlyWithCascade() throws Exception {
        String audio = json(run("ingest", write("a.wav", TestAudio.wav(2, 8000)).toString(), "--json")).get("id").asText();
        String bare = json(run("ingest", write("b.wav", TestAudio.wav(1, 8000)).toString(), "--json")).get("id").asText();
        String text = json(run("text", "add", write("n.txt", "note".getBytes(StandardCharsets.UTF_8)).toString(), "--json"))
                .get("id").asText();
        Path words = write("t.txt", "hello".getBytes(StandardCharsets.UTF_8));
        String transcription = json(run("transcription", "add", audio, "--text-file", words.toString(), "--language", "en",
                "--json")).get("id").asText();
        json(run("translation", "add", transcription, "--text-file", words.toString(), "--target", "de", "--json"));

        assertFailure(run("rm", bare, "not-an-id"), "ID: ");
        assertThat(run("get", bare).exitCode()).as("a malformed id deletes none of the others").isZero();
        CliProcess.Result refused = run("rm", audio, bare, text);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains(audio).contains("--cascade");
        assertThat(refused.stdout().lines()).containsExactly(bare + "  audio file deleted", text + "  text document deleted");
        assertThat(run("get", audio).exitCode()).isZero();
        assertThat(json(run("transcription", "list", audio, "--json")).get("items")).hasSize(1);

        CliProcess.Result erased = run("rm", "--cascade", audio);

        assertThat(erased.exitCode()).as(erased.stderr()).isZero();
        assertThat(erased.stdout().strip()).isEqualTo(audio + "  audio file deleted with 1 transcription, 1 translation,"
                + " 0 analysis results");
        for (String gone : List.of(audio, bare, text)) {
            assertFailure(run("get", gone), "not found");
        }
        assertFailure(run("transcription", "list", audio), audio);
        assertFailure(run("translation", "list", transcription), transcription);
        assertFailure(run("rm", audio), "audio file or text document");
        try (var stored = Files.walk(dir.resolve("data").resolve("objects"))) {
            assertThat(stored.filter(Files::isRegularFile)).as("objects and their metadata").isEmpty();
        }
    }

    @Test
    void searchFindsTranscriptsBestFirstAndRefusesWhatTheHttpApiRefuses() throws Exception {
        String audio = json(run("ingest", write("a.wav", TestAudio.wav(2, 8000)).toString(), "--json")).get("id").asText();
        Path text = write("t.txt", "the quick brown fox & the <lazy> dog".getBytes(StandardCharsets.UTF_8));
        String transcription = json(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en-GB",
                "--model", "whisper-1", "--json")).get("id").asText();

        CliProcess.Result found = run("search", "brown", "fox", "--language", "en");
        JsonNode page = json(run("search", "fox", "--json"));

        assertThat(found.exitCode()).as(found.stderr()).isZero();
        assertThat(found.stdout().strip()).startsWith(transcription + "  transcription").contains("en-GB", "whisper-1")
                .contains("*brown* *fox* & the <lazy> dog");
        assertThat(page.get("items").get(0).get("kind").asText()).isEqualTo("transcription");
        assertThat(page.get("items").get(0).get("audio_file_id").asText()).isEqualTo(audio);
        assertThat(page.get("items").get(0).get("snippet").asText()).contains("<b>fox</b> &amp; the &lt;lazy&gt;");
        assertThat(page.get("next_cursor").isNull()).isTrue();
        assertThat(json(run("search", "fox", "--model", "whisper-2", "--json")).get("items")).isEmpty();
        assertFailure(run("search", " "), "WORDS: the search text must not be empty");
        assertFailure(run("search", "fox", "--limit", "0"), "--limit: must be between 1 and 100");
    }

    @Test
    void textAddStoresUtf8AndRefusesOtherEncodings() throws Exception {
        Path utf8 = write("notes.txt", "Grüße 👋".getBytes(StandardCharsets.UTF_8));
        Path latin1 = write("latin.txt", "Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1));

        JsonNode record = json(run("text", "add", utf8.toString(), "--language", "de", "--json"));

        assertThat(record.get("file_path").asText()).contains("/raw/text/");
        assertThat(catBytes(record.get("id").asText())).isEqualTo(Files.readAllBytes(utf8));
        assertFailure(run("text", "add", latin1.toString()), "not UTF-8");
    }

    @Test
    void transcriptionsAndTranslationsAreAddedAndListed() throws Exception {
        String audio = json(run("ingest", write("a.wav", TestAudio.wav(5, 8000)).toString(), "--json")).get("id").asText();
        Path text = write("t.txt", "hello world".getBytes(StandardCharsets.UTF_8));
        Path segments = write("s.json", """
                [{"start": 0.0, "end": 1.2, "text": "hello", "speaker": "A",
                  "words": [{"start": 0.0, "end": 1.0, "word": "hello", "confidence": 0.9}]},
                 {"start": 1.2, "end": 2.0, "text": "world"}]""".getBytes(StandardCharsets.UTF_8));

        JsonNode transcription = json(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en",
                "--model", "whisper-1", "--confidence", "0.9", "--segments", segments.toString(), "--json"));
        CliProcess.Result second = run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en",
                "--model", "whisper-2");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).contains("whisper-2");

        assertThat(transcription.get("audio_file_id").asText()).isEqualTo(audio);
        assertThat(transcription.get("model_version").asText()).isEqualTo("whisper-1");
        assertThat(transcription.get("metadata").get("segments")).hasSize(2);
        assertThat(json(run("transcription", "list", audio, "--json")).get("items")).hasSize(2);
        assertThat(json(run("transcription", "list", audio, "--latest", "--json")).get("items")).hasSize(2);

        String transcriptionId = transcription.get("id").asText();
        Path german = write("de.txt", "hallo Welt".getBytes(StandardCharsets.UTF_8));
        JsonNode translation = json(run("translation", "add", transcriptionId, "--text-file", german.toString(), "--target", "de", "--json"));
        assertThat(translation.get("source_language").asText()).isEqualTo("en");
        assertThat(translation.get("target_language").asText()).isEqualTo("de");
        assertThat(json(run("translation", "list", transcriptionId, "--target", "de", "--json")).get("items")).hasSize(1);
        assertThat(json(run("translation", "list", transcriptionId, "--target", "fr", "--json")).get("items")).isEmpty();
        assertFailure(run("translation", "add", transcriptionId, "--text-file", german.toString(), "--target", "fr-eng"),
                "--target: 'fr-eng'");
        assertFailure(run("translation", "list", transcriptionId, "--target", "qq"), "--target: 'qq'");
    }

    @Test
    void aTranscriptionAddedAgainWithItsKeyIsStoredOnce() throws Exception {
        String audio = json(run("ingest", write("k.wav", TestAudio.wav(2, 8000)).toString(), "--json")).get("id").asText();
        Path text = write("k.txt", "once".getBytes(StandardCharsets.UTF_8));
        String[] add = {"transcription", "add", audio, "--text-file", text.toString(), "--language", "en", "--idempotency-key", "k1",
            "--json"};

        String first = json(run(add)).get("id").asText();

        assertThat(json(run(add)).get("id").asText()).isEqualTo(first);
        assertThat(json(run("transcription", "list", audio, "--json")).get("items")).hasSize(1);

        String[] translate = {"translation", "add", first, "--text-file", text.toString(), "--target", "de", "--idempotency-key",
            "t1", "--json"};
        String translation = json(run(translate)).get("id").asText();
        assertThat(json(run(translate)).get("id").asText()).isEqualTo(translation);
        assertThat(json(run("translation", "list", first, "--json")).get("items")).hasSize(1);
    }

    @Test
    void badTranscriptionsAreRefusedAndNothingIsStored() throws Exception {
        String audio = json(run("ingest", write("a.wav", TestAudio.wav(2, 8000)).toString(), "--json")).get("id").asText();
        Path text = write("t.txt", "x".getBytes(StandardCharsets.UTF_8));
        Path overlapping = write("o.json", "[{\"start\":0,\"end\":1.5,\"text\":\"a\"},{\"start\":1,\"end\":1.8,\"text\":\"b\"}]"
                .getBytes(StandardCharsets.UTF_8));
        Path tooLong = write("l.json", "[{\"start\":0,\"end\":30,\"text\":\"a\"}]".getBytes(StandardCharsets.UTF_8));
        Path trailing = write("j.json", "[{\"start\":0,\"end\":1,\"text\":\"a\"}] []".getBytes(StandardCharsets.UTF_8));

        assertFailure(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en", "--confidence", "1.5"),
                "--confidence");
        assertFailure(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en", "--segments",
                overlapping.toString()), "segments[1]");
        assertFailure(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en", "--segments",
                tooLong.toString()), "past the end of the audio");
        assertFailure(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en", "--segments",
                trailing.toString()), "is not valid JSON: more follows");
        assertFailure(run("transcription", "add", UUID.randomUUID().toString(), "--text-file", text.toString(), "--language", "en"),
                "not found");
        // Refusals name the option the user typed, not the record field behind it.
        assertFailure(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "xx-yy"), "--language: 'xx-yy'");
        assertFailure(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en", "--model", "m".repeat(51)),
                "--model: ");
        assertThat(run("transcription", "add", audio, "--language", "en").exitCode()).as("missing --text-file").isEqualTo(2);
        assertFailure(run("transcription", "add", audio, "--text-file", text.toString(), "--language", "en", "--idempotency-key",
                "a b"), "--idempotency-key");
        assertThat(json(run("transcription", "list", audio, "--json")).get("items")).isEmpty();
    }

    @Test
    void outputThatCannotBeWrittenIsAFailure() throws Exception {
        String id = json(run("ingest", write("a.wav", TestAudio.wav(1, 8000)).toString(), "--json")).get("id").asText();

        for (String[] command : List.of(new String[] {"cat", id}, new String[] {"get", id, "--json"}, new String[] {"ls"})) {
            CliProcess.Result result = CliProcess.runIntoFullDisk(env, command);
            assertFailure(result, "could not write to standard output");
        }
    }

    @Test
    void aNameBeyondAsciiIsKeptUnderTheUtf8LocaleTheScriptsSet() throws Exception {
        Path file = write("\u00e7a\u011fr\u0131.wav", TestAudio.wav(1, 8000));
        Map<String, String> utf8 = new java.util.HashMap<>(env);
        utf8.put("LC_ALL", "C.UTF-8");

        JsonNode record = json(CliProcess.run(utf8, "ingest", file.toString(), "--json"));

        assertThat(record.get("original_name").asText()).isEqualTo("\u00e7a\u011fr\u0131.wav");
        assertThat(CliProcess.runBinary(utf8, "cat", record.get("id").asText())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aNameThatIsNotUtf8IsReportedAsSuchNotAsMissing() throws Exception {
        Path file = write("latin.wav", TestAudio.wav(1, 8000));
        String latin1Name = "\"" + file.getParent() + "/$(printf 'caf\\351').wav\"";
        assertThat(new ProcessBuilder("bash", "-c", "cp '" + file + "' " + latin1Name).start().waitFor()).isZero();
        Map<String, String> utf8 = new java.util.HashMap<>(env);
        utf8.put("LC_ALL", "C.UTF-8");

        CliProcess.Result result = CliProcess.runInShell(utf8, latin1Name, "ingest");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("caf\uFFFD.wav: cannot be opened: its name is not valid UTF-8")
                .doesNotContain("does not exist");
        assertThat(json(run("ls", "--json")).get("items")).isEmpty();
    }

    @Test
    void catOfDamagedContentFails() throws Exception {
        byte[] wav = TestAudio.wav(1, 8000);
        String id = json(run("ingest", write("a.wav", wav).toString(), "--json")).get("id").asText();
        StoredCopies.flipBit(dir.resolve("data").resolve("objects"), wav, 100);

        assertFailure(run("cat", id), "is damaged");
    }

    private CliProcess.Result run(String... args) throws Exception {
        return CliProcess.run(env, args);
    }

    private byte[] catBytes(String id) throws Exception {
        return CliProcess.runBinary(env, "cat", id);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static JsonNode json(CliProcess.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return Metadata.MAPPER.readTree(result.stdout());
    }

    private static void assertFailure(CliProcess.Result result, String message) {
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isEqualTo(1);
        assertThat(result.stderr().strip()).startsWith("pipestore: ").contains(message).doesNotContain("\n");
    }
}
