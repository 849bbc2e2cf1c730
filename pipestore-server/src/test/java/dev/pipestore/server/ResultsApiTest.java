package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transcriptions, translations, analysis results, search, texts and temporary data over HTTP. */
class ResultsApiTest {

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness();

    @Test
    void transcriptionsAreAddedListedAndReadLatestPerModel() {
        String audio = SERVER.upload(TestAudio.wav(3, 8000), "t.wav");
        JsonNode first = addTranscription(audio, "hello world", "m1");
        addTranscription(audio, "hello there world", "m1");
        JsonNode other = addTranscription(audio, "hallo welt", "m2");

        assertThat(SERVER.get("/v1/transcriptions/" + first.path("id").asText()).as(Role.READ).send().expect(200).json())
                .isEqualTo(first);
        JsonNode all = SERVER.get("/v1/audio/" + audio + "/transcriptions").as(Role.READ).send().expect(200).json();
        assertThat(all.path("items")).hasSize(3);
        assertThat(all.path("next_cursor").isNull()).isTrue();
        JsonNode latest = SERVER.get("/v1/audio/" + audio + "/transcriptions?latest=true").as(Role.READ).send().expect(200).json();
        assertThat(latest.path("items")).hasSize(2);
        assertThat(latest.findValuesAsText("id")).contains(other.path("id").asText()).doesNotContain(first.path("id").asText());

        JsonNode page1 = SERVER.get("/v1/audio/" + audio + "/transcriptions?limit=2").as(Role.READ).send().expect(200).json();
        JsonNode page2 = SERVER.get("/v1/audio/" + audio + "/transcriptions?limit=2&cursor="
                + page1.path("next_cursor").asText()).as(Role.READ).send().expect(200).json();
        assertThat(page1.path("items")).hasSize(2);
        assertThat(page2.path("items")).hasSize(1);
        assertThat(page2.path("next_cursor").isNull()).isTrue();
        List<String> paged = new ArrayList<>(page1.findValuesAsText("id"));
        paged.addAll(page2.findValuesAsText("id"));
        assertThat(paged).as("every transcription once, newest first").isEqualTo(all.findValuesAsText("id"));
        assertThat(SERVER.get("/v1/audio/" + audio + "/transcriptions?latest=true&limit=1").as(Role.READ).send()
                .problem(400).path("detail").asText()).contains("limit").contains("latest");
    }

    @Test
    void transcriptionsOfSeveralFilesAreAddedInOneBatch() {
        String one = SERVER.upload(TestAudio.wav(2, 8000), "b1.wav");
        String two = SERVER.upload(TestAudio.wav(2, 8000), "b2.wav");

        JsonNode added = SERVER.post("/v1/transcriptions").as(Role.WORKER).json("[{\"audio_file_id\": \"" + one
                + "\", \"content\": \"first file\", \"language\": \"en\", \"model_version\": \"m1\", \"confidence\": 0.7},"
                + " {\"audio_file_id\": \"" + two + "\", \"content\": \"second file\", \"language\": \"en\","
                + " \"metadata\": {\"segments\": [{\"start\": 0, \"end\": 1.5, \"text\": \"second file\"}]}}]")
                .send().expect(201).json();

        assertThat(added.path("items")).hasSize(2);
        assertThat(added.path("next_cursor").isNull()).isTrue();
        JsonNode first = added.path("items").get(0);
        assertThat(first.path("audio_file_id").asText()).isEqualTo(one);
        assertThat(first.path("model_version").asText()).isEqualTo("m1");
        assertThat(SERVER.get("/v1/transcriptions/" + first.path("id").asText()).as(Role.READ).send().expect(200).json())
                .isEqualTo(first);
        assertThat(SERVER.get("/v1/audio/" + two + "/transcriptions").as(Role.READ).send().expect(200).json()
                .path("items").get(0)).isEqualTo(added.path("items").get(1));
    }

    @Test
    void aTranscriptionBatchWithOneBadItemStoresNothingAndNamesTheItem() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "bad-batch.wav");
        String good = "{\"audio_file_id\": \"" + audio + "\", \"content\": \"fine\"}";

        assertThat(batchRefusal(400, "[" + good + ", {\"audio_file_id\": \"" + audio + "\", \"content\": \"x\", \"language\": \"klingon-xx\"}]"))
                .isEqualTo("transcriptions[1].language");
        assertThat(batchRefusal(400, "[" + good + ", {\"audio_file_id\": \"" + audio + "\", \"content\": \"x\", \"confidence\": 1.5}]"))
                .isEqualTo("transcriptions[1].confidence");
        assertThat(batchRefusal(400, "[" + good + ", {\"audio_file_id\": \"" + audio + "\", \"content\": \"x\","
                + " \"metadata\": {\"segments\": [{\"start\": 0, \"end\": 9, \"text\": \"x\"}]}}]"))
                .startsWith("transcriptions[1].");
        assertThat(batchRefusal(400, "[" + good + ", {\"content\": \"no file\"}]")).isEqualTo("transcriptions[1]");
        assertThat(batchRefusal(400, "[{\"audio_file_id\": \"not-a-uuid\", \"content\": \"x\"}]"))
                .isEqualTo("transcriptions[0].audio_file_id");
        assertThat(batchRefusal(400, "[" + good + ", {\"audio_file_id\": \"" + audio + "\", \"content\": \"x\", \"speaker\": 1}]"))
                .isEqualTo("transcriptions[1].speaker");
        assertThat(batchRefusal(400, "[" + good + ", null]")).isEqualTo("transcriptions[1]");
        assertThat(batchRefusal(400, "[]")).isEqualTo("transcriptions");
        assertThat(batchRefusal(400, good)).isEqualTo("body");
        SERVER.post("/v1/transcriptions").as(Role.WORKER).json("[" + good + ", {\"audio_file_id\": \"" + UUID.randomUUID()
                + "\", \"content\": \"x\"}]").send().problem(404);

        assertThat(SERVER.get("/v1/audio/" + audio + "/transcriptions").as(Role.READ).send().expect(200).json().path("items"))
                .isEmpty();
    }

    private static String batchRefusal(int status, String body) {
        return SERVER.post("/v1/transcriptions").as(Role.WORKER).json(body).send().problem(status).path("field").asText();
    }

    @Test
    void translationsAreListedByTargetLanguage() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "tr.wav");
        String transcription = addTranscription(audio, "good morning", "m1").path("id").asText();
        JsonNode german = SERVER.post("/v1/transcriptions/" + transcription + "/translations").as(Role.WORKER)
                .json("{\"content\": \"guten Morgen\", \"target_language\": \"de\", \"model_version\": \"nmt-1\"}").send()
                .expect(201).json();
        assertThat(german.path("source_language").asText()).isEqualTo("en");
        SERVER.post("/v1/transcriptions/" + transcription + "/translations").as(Role.WORKER)
                .json("{\"content\": \"bonjour\", \"target_language\": \"fr\"}").send().expect(201);

        JsonNode onlyGerman = SERVER.get("/v1/transcriptions/" + transcription + "/translations?target=de").as(Role.READ).send()
                .expect(200).json();
        assertThat(onlyGerman.path("items")).hasSize(1);
        assertThat(onlyGerman.path("items").get(0)).isEqualTo(german);
        assertThat(SERVER.get("/v1/translations/" + german.path("id").asText()).as(Role.READ).send().expect(200).json())
                .isEqualTo(german);

        JsonNode page1 = SERVER.get("/v1/transcriptions/" + transcription + "/translations?limit=1").as(Role.READ).send()
                .expect(200).json();
        assertThat(page1.path("items")).hasSize(1);
        JsonNode page2 = SERVER.get("/v1/transcriptions/" + transcription + "/translations?limit=1&cursor="
                + page1.path("next_cursor").asText()).as(Role.READ).send().expect(200).json();
        assertThat(page2.path("items").get(0)).isEqualTo(german);
        assertThat(page2.path("next_cursor").isNull()).isTrue();
        SERVER.get("/v1/transcriptions/" + transcription + "/translations?cursor=not-a-cursor").as(Role.READ).send()
                .problem(400, "cursor");
    }

    @Test
    void aTranscriptionRetriedWithItsIdempotencyKeyIsStoredOnce() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "retry.wav");
        String body = "{\"content\": \"once only\", \"language\": \"en\"}";
        String first = SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER).header("Idempotency-Key", "job-1")
                .json(body).send().expect(201).json().path("id").asText();
        String again = SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER).header("Idempotency-Key", "job-1")
                .json(body).send().expect(201).json().path("id").asText();

        assertThat(again).isEqualTo(first);
        assertThat(SERVER.get("/v1/audio/" + audio + "/transcriptions").as(Role.READ).send().expect(200).json().path("items"))
                .hasSize(1);
        SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER).header("Idempotency-Key", "job-1")
                .json("{\"content\": \"another\", \"language\": \"en\"}").send().problem(409);

        String translation = "{\"content\": \"nur einmal\", \"target_language\": \"de\"}";
        String translated = SERVER.post("/v1/transcriptions/" + first + "/translations").as(Role.WORKER)
                .header("Idempotency-Key", "mt-1").json(translation).send().expect(201).json().path("id").asText();
        assertThat(SERVER.post("/v1/transcriptions/" + first + "/translations").as(Role.WORKER).header("Idempotency-Key", "mt-1")
                .json(translation).send().expect(201).json().path("id").asText()).isEqualTo(translated);
        assertThat(SERVER.get("/v1/transcriptions/" + first + "/translations").as(Role.READ).send().expect(200).json().path("items"))
                .hasSize(1);
    }

    @Test
    void batchesSentAgainWithTheirItemKeysStoreNothingTwice() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "batch-retry.wav");
        String transcriptions = "[{\"audio_file_id\": \"" + audio + "\", \"content\": \"one\", \"idempotency_key\": \"asr-9/0\"},"
                + " {\"audio_file_id\": \"" + audio + "\", \"content\": \"two\", \"idempotency_key\": \"asr-9/1\"}]";
        JsonNode first = SERVER.post("/v1/transcriptions").as(Role.WORKER).json(transcriptions).send().expect(201).json();
        JsonNode again = SERVER.post("/v1/transcriptions").as(Role.WORKER).json(transcriptions).send().expect(201).json();

        assertThat(again.path("items")).isEqualTo(first.path("items"));
        assertThat(SERVER.get("/v1/audio/" + audio + "/transcriptions").as(Role.READ).send().expect(200).json().path("items"))
                .hasSize(2);
        assertThat(SERVER.post("/v1/transcriptions").as(Role.WORKER).json("[{\"audio_file_id\": \"" + audio
                + "\", \"content\": \"changed\", \"idempotency_key\": \"asr-9/1\"}]").send().problem(409).path("detail").asText())
                .contains("asr-9/1");

        String results = "[{\"audio_file_id\": \"" + audio + "\", \"analysis_type\": \"sentiment\", \"result\": {\"score\": 0.50},"
                + " \"idempotency_key\": \"an-9\"}]";
        String result = SERVER.post("/v1/results").as(Role.WORKER).json(results).send().expect(201).json()
                .path("items").get(0).path("id").asText();
        assertThat(SERVER.post("/v1/results").as(Role.WORKER).json(results.replace("0.50", "0.5")).send().expect(201).json()
                .path("items").get(0).path("id").asText()).isEqualTo(result);
        assertThat(SERVER.get("/v1/audio/" + audio + "/results").as(Role.READ).send().expect(200).json().path("items")).hasSize(1);

        JsonNode headerKey = SERVER.post("/v1/results").as(Role.WORKER).header("Idempotency-Key", "one-for-all")
                .json(results.replace("an-9", "an-10")).send().problem(400);
        assertThat(headerKey.path("detail").asText()).contains("Idempotency-Key").contains("idempotency_key");
        SERVER.post("/v1/transcriptions").as(Role.WORKER).header("Idempotency-Key", "one-for-all").json(transcriptions).send()
                .problem(400);
        JsonNode twice = SERVER.post("/v1/results").as(Role.WORKER).json("[" + results.substring(1, results.length() - 1) + ", "
                + results.substring(1)).send().problem(400);
        assertThat(twice.path("detail").asText()).contains("results[1].idempotency_key");
        assertThat(SERVER.get("/v1/audio/" + audio + "/results").as(Role.READ).send().expect(200).json().path("items")).hasSize(1);
    }

    @Test
    void resultsAreAddedInOneBatchAndListedPerAudioAndTranscription() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "r.wav");
        String transcription = addTranscription(audio, "fine", "m1").path("id").asText();
        JsonNode added = SERVER.post("/v1/results").as(Role.WORKER).json("[{\"audio_file_id\": \"" + audio
                + "\", \"analysis_type\": \"sentiment\", \"result\": {\"score\": 0.5}, \"confidence\": 0.9},"
                + " {\"transcription_id\": \"" + transcription + "\", \"analysis_type\": \"keywords\", \"result\": [\"fine\"]}]")
                .send().expect(201).json();
        assertThat(added.path("items")).hasSize(2);
        String id = added.path("items").get(0).path("id").asText();
        assertThat(SERVER.get("/v1/results/" + id).as(Role.READ).send().expect(200).json().path("analysis_type").asText())
                .isEqualTo("sentiment");
        assertThat(added.path("items").get(1).path("audio_file_id").asText()).as("the transcription's audio").isEqualTo(audio);
        assertThat(SERVER.get("/v1/audio/" + audio + "/results").as(Role.READ).send().expect(200).json().path("items"))
                .as("results on the audio and on its transcription").hasSize(2);
        assertThat(SERVER.get("/v1/transcriptions/" + transcription + "/results?type=keywords").as(Role.READ).send().expect(200)
                .json().path("items")).hasSize(1);

        JsonNode refused = SERVER.post("/v1/results").as(Role.WORKER).json("[{\"audio_file_id\": \"" + audio
                + "\", \"analysis_type\": \"ok\", \"result\": 1}, {\"audio_file_id\": \"" + audio
                + "\", \"analysis_type\": \"bad\", \"result\": 1, \"confidence\": 7}]").send().problem(400);
        assertThat(refused.path("field").asText()).isEqualTo("results[1].confidence");
        String other = SERVER.upload(TestAudio.wav(1.5, 8000), "other.wav");
        JsonNode mixed = SERVER.post("/v1/results").as(Role.WORKER).json("[{\"audio_file_id\": \"" + other + "\", \"transcription_id\": \""
                + transcription + "\", \"analysis_type\": \"x\", \"result\": 1}]").send().problem(400);
        assertThat(mixed.path("field").asText()).isEqualTo("results[0].audio_file_id");
        assertThat(SERVER.get("/v1/audio/" + audio + "/results").as(Role.READ).send().json().path("items")).hasSize(2);
        assertThat(SERVER.get("/v1/audio/" + other + "/results").as(Role.READ).send().json().path("items")).isEmpty();
    }

    @Test
    void searchFindsTranscriptionsWithSnippets() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "s.wav");
        addTranscription(audio, "the quick brown fox jumps", "search-model");
        JsonNode hits = SERVER.get("/v1/search?q=fox&model=search-model").as(Role.READ).send().expect(200).json();
        assertThat(hits.path("items")).hasSize(1);
        JsonNode hit = hits.path("items").get(0);
        assertThat(hit.path("kind").asText()).isEqualTo("transcription");
        assertThat(hit.path("audio_file_id").asText()).isEqualTo(audio);
        assertThat(hit.path("snippet").asText()).contains("<b>fox</b>");
        SERVER.get("/v1/search?q=").as(Role.READ).send().problem(400, "q");

        addTranscription(audio, "another fox, brown as well", "search-model");
        addTranscription(audio, "a third fox", "search-model");
        JsonNode page1 = SERVER.get("/v1/search?q=fox&model=search-model&limit=2").as(Role.READ).send().expect(200).json();
        JsonNode page2 = SERVER.get("/v1/search?q=fox&model=search-model&limit=2&cursor=" + page1.path("next_cursor").asText())
                .as(Role.READ).send().expect(200).json();
        assertThat(page1.path("items")).hasSize(2);
        assertThat(page2.path("items")).hasSize(1);
        assertThat(page2.path("next_cursor").isNull()).isTrue();
        SERVER.get("/v1/search?q=fox&cursor=bm90LWEtc2VhcmNo").as(Role.READ).send().problem(400, "cursor");
    }

    @Test
    void claimHandsOutEachFileOnceWithALease() {
        String audio = SERVER.upload(TestAudio.wav(1.25, 8000), "claim.wav");
        SERVER.call("PATCH", "/v1/audio/" + audio).as(Role.WORKER).json("{\"status\": \"failed\"}").send().expect(200);
        SERVER.call("PATCH", "/v1/audio/" + audio).as(Role.ADMIN).json("{\"status\": \"uploaded\"}").send().expect(200);
        String body = "{\"from_status\": \"uploaded\", \"to_status\": \"processing\", \"limit\": 100, \"lease_seconds\": 60}";
        JsonNode claimed = SERVER.post("/v1/audio/claim").as(Role.WORKER).json(body).send().expect(200).json();
        assertThat(claimed.findValuesAsText("id")).contains(audio);
        JsonNode item = claimed.path("items").get(0);
        assertThat(item.path("status").asText()).isEqualTo("processing");
        assertThat(item.path("lease").path("claimed_from").asText()).isEqualTo("uploaded");
        assertThat(item.path("lease").path("expires_at").asText()).isNotBlank();
        JsonNode again = SERVER.post("/v1/audio/claim").as(Role.WORKER).json(body).send().expect(200).json();
        assertThat(again.findValuesAsText("id")).doesNotContain(audio);
        SERVER.post("/v1/audio/claim").as(Role.WORKER).json("{\"from_status\": \"uploaded\", \"to_status\": \"analyzed\"}")
                .send().problem(409);
        SERVER.post("/v1/audio/claim").as(Role.WORKER).json("{\"from_status\": \"nope\", \"to_status\": \"processing\"}")
                .send().problem(400, "from_status");
    }

    @Test
    void textsAreUploadedReadAndDownloaded() {
        byte[] text = "Grüße aus Köln\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply created = SERVER.post("/v1/texts?name=note.txt&language=de").as(Role.INGEST).body("text/plain; charset=utf-8", text)
                .send().expect(201);
        String id = created.json().path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/texts/" + id);
        assertThat(SERVER.get("/v1/texts/" + id).as(Role.READ).send().expect(200).json().path("language").asText()).isEqualTo("de");
        Reply content = SERVER.get("/v1/texts/" + id + "/content").as(Role.READ).send().expect(200);
        assertThat(content.body()).isEqualTo(text);
        assertThat(content.header("Content-Type")).startsWith("text/plain");
        SERVER.post("/v1/texts?name=bad.txt").as(Role.INGEST).body("text/plain", new byte[] {(byte) 0xff, (byte) 0xfe})
                .send().problem(422, "file");
        SERVER.post("/v1/texts?name=binary.txt").as(Role.INGEST).body("text/plain", new byte[] {'a', 0, 'b'})
                .send().problem(422, "file");
    }

    @Test
    void aDeletedTextIsGoneWithItsContent() {
        String id = SERVER.post("/v1/texts?name=gone.txt").as(Role.INGEST).body("text/plain", "bye".getBytes()).send().expect(201)
                .json().path("id").asText();
        String key = SERVER.store().texts().get(java.util.UUID.fromString(id)).objectKey();

        SERVER.call("DELETE", "/v1/texts/" + id).as(Role.ADMIN).send().expect(204);

        SERVER.get("/v1/texts/" + id).as(Role.READ).send().problem(404);
        SERVER.get("/v1/texts/" + id + "/content").as(Role.READ).send().problem(404);
        assertThat(SERVER.store().objects().head(key)).isEmpty();
        SERVER.call("DELETE", "/v1/texts/" + id).as(Role.ADMIN).send().problem(404);
        SERVER.call("DELETE", "/v1/texts/not-an-id").as(Role.ADMIN).send().problem(400, "id");
    }

    @Test
    void temporaryValuesLiveUnderTheirKeyUntilDeleted() {
        SERVER.call("PUT", "/v1/temp/job:42?ttl=60").as(Role.WORKER).json("{\"step\": 3, \"parts\": [1, 2]}").send().expect(204);
        JsonNode value = SERVER.get("/v1/temp/job:42").as(Role.WORKER).send().expect(200).json();
        assertThat(value.path("step").asInt()).isEqualTo(3);
        SERVER.call("DELETE", "/v1/temp/job:42").as(Role.WORKER).send().expect(204);
        SERVER.get("/v1/temp/job:42").as(Role.WORKER).send().problem(404);
        SERVER.call("PUT", "/v1/temp/bad%20key").as(Role.WORKER).json("1").send().problem(400, "key");
        SERVER.call("PUT", "/v1/temp/k?ttl=0").as(Role.WORKER).json("1").send().problem(400, "ttl");
    }

    @Test
    void wavClipIsAPlayableWavOfTheAskedSeconds() {
        byte[] wav = TestAudio.wav(4, 8000);
        String audio = SERVER.upload(wav, "clip.wav");
        Reply clip = SERVER.get("/v1/audio/" + audio + "/clip?start=1.5&end=2").as(Role.READ).send().expect(200);
        byte[] bytes = clip.body();
        assertThat(clip.header("Content-Type")).isEqualTo("audio/wav");
        assertThat(clip.header("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        int frames = 4000;
        assertThat(bytes.length).isEqualTo(44 + frames * 2);
        assertThat(java.util.Arrays.copyOfRange(bytes, 44, bytes.length))
                .isEqualTo(java.util.Arrays.copyOfRange(wav, 44 + 12000 * 2, 44 + 16000 * 2));
        JsonNode stored = SERVER.post("/v1/audio?name=clip-of-clip.wav").as(Role.INGEST).body("audio/wav", bytes).send()
                .expect(201).json();
        assertThat(stored.path("duration_precise").asDouble()).isEqualTo(0.5);
        SERVER.get("/v1/audio/" + audio + "/clip?start=9").as(Role.READ).send().problem(400, "start");
        SERVER.get("/v1/audio/" + audio + "/clip?start=2&end=1").as(Role.READ).send().problem(400, "end");
        // Refused as given: the arithmetic on 1e999999999 seconds would spell out a billion digits.
        JsonNode huge = SERVER.get("/v1/audio/" + audio + "/clip?start=0&end=1e999999999").as(Role.READ).send()
                .problem(400, "end");
        assertThat(huge.path("detail").asText()).contains("'1e999999999' is out of range");
        SERVER.get("/v1/audio/" + audio + "/clip?start=1e-41").as(Role.READ).send().problem(400, "start");
        // A client's float arithmetic prints 17 digits (0.1 + 0.2); times are rounded to the nanosecond.
        Reply fromFloats = SERVER.get("/v1/audio/" + audio + "/clip?start=1.49999999999999999999&end=2.0000000000000004")
                .as(Role.READ).send().expect(200);
        assertThat(fromFloats.body()).isEqualTo(bytes);
    }

    static JsonNode addTranscription(String audio, String content, String model) {
        return SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"" + content + "\", \"language\": \"en\", \"model_version\": \"" + model
                        + "\", \"confidence\": 0.8}")
                .send().expect(201).json();
    }
}
