package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.fs.StoredCopies;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Audio over HTTP: upload (raw and multipart), read, download with ranges and entity tags, list, update, delete. */
class AudioApiTest {

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness();

    @Test
    void rawUploadReturnsTheRecordWithItsLocation() {
        byte[] wav = TestAudio.wav(2, 8000);
        Reply reply = SERVER.post("/v1/audio?name=call.wav&language=en").as(Role.INGEST).body("audio/wav", wav).send().expect(201);
        JsonNode record = reply.json();
        assertThat(reply.header("Location")).isEqualTo("/v1/audio/" + record.path("id").asText());
        assertThat(record.path("original_name").asText()).isEqualTo("call.wav");
        assertThat(record.path("format").asText()).isEqualTo("wav");
        assertThat(record.path("duration_seconds").asInt()).isEqualTo(2);
        assertThat(record.path("file_size").asLong()).isEqualTo(wav.length);
        assertThat(record.path("status").asText()).isEqualTo("uploaded");
        assertThat(record.path("language").asText()).isEqualTo("en");
        assertThat(record.path("uploaded_by").asText())
                .isEqualTo(SERVER.store().apiKeys().authenticate(SERVER.key(Role.INGEST)).orElseThrow().id().toString());
        assertThat(record.path("metadata").has("uploaded_by")).isFalse();

        JsonNode read = SERVER.get(reply.header("Location")).as(Role.READ).send().expect(200).json();
        assertThat(read).isEqualTo(record);
    }

    @Test
    void rawUploadMayNameItsFileInContentDisposition() {
        JsonNode extended = SERVER.post("/v1/audio").as(Role.INGEST).header("Content-Disposition",
                "attachment; filename=\"cafe.wav\"; filename*=UTF-8''caf%C3%A9%201.wav").body("audio/wav", TestAudio.wav(1, 8000))
                .send().expect(201).json();
        assertThat(extended.path("original_name").asText()).as("filename* wins (RFC 6266)").isEqualTo("caf\u00e9 1.wav");
        JsonNode quoted = SERVER.post("/v1/audio").as(Role.INGEST).header("Content-Disposition", "inline; filename=\"a \\\"b\\\".wav\"")
                .body("audio/wav", TestAudio.wav(1.5, 8000)).send().expect(201).json();
        assertThat(quoted.path("original_name").asText()).isEqualTo("a \"b\".wav");
        JsonNode agreeing = SERVER.post("/v1/audio?name=same.wav").as(Role.INGEST).header("Content-Disposition", "attachment; filename=same.wav")
                .body("audio/wav", TestAudio.wav(2, 8000)).send().expect(201).json();
        assertThat(agreeing.path("original_name").asText()).isEqualTo("same.wav");
    }

    @Test
    void multipartUploadTakesMetadataAndLanguage() {
        byte[] wav = TestAudio.wav(1, 8000);
        Multipart form = new Multipart().field("metadata", "{\"call\": 7}").field("language", "de")
                .file("file", "form.wav", "audio/wav", wav);
        JsonNode record = SERVER.post("/v1/audio").as(Role.INGEST).multipart(form).send().expect(201).json();
        assertThat(record.path("original_name").asText()).isEqualTo("form.wav");
        assertThat(record.path("language").asText()).isEqualTo("de");
        assertThat(record.path("metadata").path("call").asInt()).isEqualTo(7);
    }

    /** The metadata limit is on the compact form, in a form part as in the Java API: layout does not count. */
    @Test
    void aFormsMetadataIsMeasuredCompactSoALaidOutObjectUnderTheLimitIsTaken() {
        String value = "x".repeat(60_000);
        String laidOut = "{\n" + " ".repeat(20_000) + "\"notes\":\n" + " ".repeat(20_000) + "\"" + value + "\"\n}";
        Multipart form = new Multipart().field("metadata", laidOut).file("file", "laid-out.wav", "audio/wav", TestAudio.wav(1, 8000));

        JsonNode record = SERVER.post("/v1/audio").as(Role.INGEST).multipart(form).send().expect(201).json();

        assertThat(record.path("metadata").path("notes").asText()).isEqualTo(value);
    }

    @Test
    void downloadServesTheBytesWithEntityTagAndRanges() throws Exception {
        byte[] wav = TestAudio.wav(1, 8000);
        String id = SERVER.upload(wav, "range.wav");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wav));

        Reply whole = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).send().expect(200);
        assertThat(whole.body()).isEqualTo(wav);
        assertThat(whole.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(whole.header("Content-Type")).isEqualTo("audio/wav");
        assertThat(whole.header("Content-Length")).isEqualTo(Integer.toString(wav.length));
        assertThat(whole.header("Content-Disposition")).contains("filename=\"range.wav\"");

        Reply part = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).header("Range", "bytes=10-19").send().expect(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(wav, 10, 20));
        assertThat(part.header("Content-Range")).isEqualTo("bytes 10-19/" + wav.length);
        assertThat(part.header("Content-Length")).isEqualTo("10");

        Reply tail = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).header("Range", "bytes=-4").send().expect(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 4, wav.length));
        // RFC 9110 14.1.3: a suffix or a last position past the end reaches the end, whatever its size.
        for (String beyond : List.of("bytes=-" + (wav.length + 1), "bytes=-99999999999999999999", "bytes=0-99999999999999999999")) {
            Reply whole206 = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).header("Range", beyond).send().expect(206);
            assertThat(whole206.body()).as(beyond).isEqualTo(wav);
            assertThat(whole206.header("Content-Range")).isEqualTo("bytes 0-" + (wav.length - 1) + "/" + wav.length);
        }

        Reply notModified = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ)
                .header("If-None-Match", "\"other\", \"" + sha + "\"").send().expect(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo("\"" + sha + "\"");
        assertThat(notModified.header("Content-Type")).as("the content's type, not the empty answer's").isEqualTo("audio/wav");
        assertThat(notModified.header("Content-Length")).as("RFC 9110 8.6: absent or the 200's").isIn(null, Integer.toString(wav.length));

        Reply otherUnit = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).header("Range", "items=0-1").send().expect(200);
        assertThat(otherUnit.body()).as("a range in another unit is ignored").isEqualTo(wav);

        JsonNode problem = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).header("Range", "bytes=99999-")
                .send().problem(416, "Range");
        assertThat(problem.path("detail").asText()).contains("99999");
    }

    @Test
    void aRecordWhoseObjectIsGoneIsAWholeServerProblemNotACutBody() {
        String id = SERVER.upload(TestAudio.wav(1, 8000), "gone.wav");
        SERVER.store().objects().delete(SERVER.store().audio().get(java.util.UUID.fromString(id)).objectKey());

        Reply reply = SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).send();
        JsonNode problem = reply.problem(500);
        assertThat(problem.path("type").asText()).endsWith("integrity-violation");
        assertThat(reply.header("ETag")).as("no validator for content that was not sent").isNull();
        assertThat(SERVER.call("HEAD", "/v1/audio/" + id + "/content").as(Role.READ).send().status()).as("HEAD answers as GET")
                .isEqualTo(500);
        JsonNode clip = SERVER.get("/v1/audio/" + id + "/clip?start=0&end=0.5").as(Role.READ).send().problem(500);
        assertThat(clip.path("type").asText()).endsWith("integrity-violation");
        assertThat(SERVER.get("/health").send().expect(200).json().path("status").asText()).isNotBlank();
    }

    @Test
    void damagedContentIsNeverServedAsIfWhole() {
        byte[] small = TestAudio.wav(1.25, 8000);
        String smallId = SERVER.upload(small, "rot.wav");
        StoredCopies.flipBit(SERVER.dataDir().resolve("objects"), small, 10);
        SERVER.get("/v1/audio/" + smallId + "/content").as(Role.READ).send().problem(500);

        byte[] large = TestAudio.wav(20, 16000);
        String largeId = SERVER.upload(large, "rot-large.wav");
        StoredCopies.flipBit(SERVER.dataDir().resolve("objects"), large, 10);
        assertThatThrownBy(() -> SERVER.get("/v1/audio/" + largeId + "/content").as(Role.READ).send())
                .as("under way: fewer bytes than Content-Length").isInstanceOf(java.io.UncheckedIOException.class);

        Reply part = SERVER.get("/v1/audio/" + largeId + "/content").as(Role.READ).header("Range", "bytes=0-9").send().expect(206);
        assertThat(part.body()).as("ranges are not checked").isEqualTo(Arrays.copyOf(large, 10));
        SERVER.get("/health").send().expect(200);
    }

    @Test
    void statusMovesAlongTheStateMachineAndRefusedMovesAreConflicts() {
        String id = SERVER.upload(TestAudio.wav(1, 8000), "status.wav");
        JsonNode moved = SERVER.call("PATCH", "/v1/audio/" + id).as(Role.WORKER).json("{\"status\": \"processing\"}").send()
                .expect(200).json();
        assertThat(moved.path("status").asText()).isEqualTo("processing");
        JsonNode refused = SERVER.call("PATCH", "/v1/audio/" + id).as(Role.WORKER).json("{\"status\": \"archived\"}").send()
                .problem(409);
        assertThat(refused.path("detail").asText()).contains("processing").contains("archived");
        JsonNode unknown = SERVER.call("PATCH", "/v1/audio/" + id).as(Role.WORKER).json("{\"status\": \"lost\"}").send()
                .problem(400, "status");
        assertThat(unknown.path("detail").asText()).contains("lost");
    }

    @Test
    void theUploaderComesFromTheKeyNotFromWhatTheClientSends() {
        Reply created = SERVER.post("/v1/audio?name=meta.wav&metadata=%7B%22uploaded_by%22%3A%22forged%22%7D").as(Role.INGEST)
                .body("audio/wav", TestAudio.wav(1, 8000)).send().expect(201);
        String id = created.json().path("id").asText();
        String uploader = created.json().path("uploaded_by").asText();
        assertThat(uploader).isNotEqualTo("forged").isNotBlank();
        JsonNode updated = SERVER.call("PATCH", "/v1/audio/" + id).as(Role.WORKER)
                .json("{\"metadata\": {\"speaker\": \"A\", \"uploaded_by\": \"someone else\"}}").send().expect(200).json();
        assertThat(updated.path("metadata").path("speaker").asText()).isEqualTo("A");
        assertThat(updated.path("uploaded_by").asText()).isEqualTo(uploader);
        SERVER.call("PATCH", "/v1/audio/" + id).as(Role.WORKER).json("{\"uploaded_by\": \"someone else\"}").send().problem(400);
    }

    @Test
    void listPagesWithCursorAndFiltersByStatus() {
        for (int i = 0; i < 3; i++) {
            SERVER.upload(TestAudio.wav(1 + i * 0.01, 8000), "list-" + i + ".wav");
        }
        JsonNode first = SERVER.get("/v1/audio?limit=2&status=uploaded").as(Role.READ).send().expect(200).json();
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("next_cursor").isTextual()).isTrue();
        JsonNode second = SERVER.get("/v1/audio?limit=2&status=uploaded&cursor=" + first.path("next_cursor").asText())
                .as(Role.READ).send().expect(200).json();
        assertThat(second.path("items").size()).isGreaterThanOrEqualTo(1);
        assertThat(second.path("items").get(0).path("id")).isNotEqualTo(first.path("items").get(1).path("id"));
    }

    @Test
    void timeFiltersTakeInstantsDatesAndAgesAsTheCommandLineDoes() {
        String id = SERVER.upload(TestAudio.wav(0.5, 8000), "recent.wav");
        for (String since : java.util.List.of("1h", "30m", "2026-01-01", "2026-01-01T00:00:00Z")) {
            assertThat(SERVER.get("/v1/audio?since=" + since + "&limit=100").as(Role.READ).send().expect(200).json().path("items")
                    .findValuesAsText("id")).as("since=%s", since).contains(id);
        }
        assertThat(SERVER.get("/v1/audio?before=1h").as(Role.READ).send().expect(200).json().path("items").findValuesAsText("id"))
                .doesNotContain(id);
    }

    @Test
    void deleteRemovesTheFile() {
        String id = SERVER.upload(TestAudio.wav(1, 8000), "delete.wav");
        SERVER.call("DELETE", "/v1/audio/" + id).as(Role.ADMIN).send().expect(204);
        SERVER.get("/v1/audio/" + id).as(Role.READ).send().problem(404);
        SERVER.call("DELETE", "/v1/audio/" + id).as(Role.ADMIN).send().problem(404);
    }

    @Test
    void deletingAProcessedFileTakesCascadeAndThenLeavesNothingOfItToRead() {
        String id = SERVER.upload(TestAudio.wav(1, 8000), "erase.wav");
        String transcription = SERVER.post("/v1/audio/" + id + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"hello\", \"language\": \"en\"}").send().expect(201).json().path("id").asText();
        String translation = SERVER.post("/v1/transcriptions/" + transcription + "/translations").as(Role.WORKER)
                .json("{\"content\": \"hallo\", \"target_language\": \"de\"}").send().expect(201).json().path("id").asText();
        String result = SERVER.post("/v1/results").as(Role.WORKER).json("[{\"transcription_id\": \"" + transcription
                + "\", \"analysis_type\": \"sentiment\", \"result\": {\"score\": 0.5}}]").send().expect(201).json()
                .path("items").path(0).path("id").asText();
        List<String> derived = List.of("/v1/transcriptions/" + transcription, "/v1/translations/" + translation,
                "/v1/results/" + result, "/v1/audio/" + id + "/transcriptions", "/v1/transcriptions/" + transcription + "/translations",
                "/v1/transcriptions/" + transcription + "/translations?target=de");
        derived.forEach(path -> SERVER.get(path).as(Role.READ).send().expect(200));

        JsonNode refused = SERVER.call("DELETE", "/v1/audio/" + id).as(Role.ADMIN).send().problem(409);
        assertThat(refused.path("detail").asText()).contains(id).contains("cascade=true");
        SERVER.call("DELETE", "/v1/audio/" + id + "?cascade=yes").as(Role.ADMIN).send().problem(400, "cascade");
        derived.forEach(path -> SERVER.get(path).as(Role.READ).send().expect(200));
        SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).send().expect(200);

        SERVER.call("DELETE", "/v1/audio/" + id + "?cascade=true").as(Role.ADMIN).send().expect(204);

        SERVER.get("/v1/audio/" + id).as(Role.READ).send().problem(404);
        SERVER.get("/v1/audio/" + id + "/content").as(Role.READ).send().problem(404);
        derived.forEach(path -> SERVER.get(path).as(Role.READ).send().problem(404));
        SERVER.call("DELETE", "/v1/audio/" + id + "?cascade=true").as(Role.ADMIN).send().problem(404);
    }

    @Test
    void idempotencyKeyReturnsTheFirstRecord() {
        byte[] wav = TestAudio.wav(1.5, 8000);
        JsonNode first = SERVER.post("/v1/audio?name=idem.wav").as(Role.INGEST).header("Idempotency-Key", "idem-1")
                .body("audio/wav", wav).send().expect(201).json();
        JsonNode again = SERVER.post("/v1/audio?name=idem.wav").as(Role.INGEST).header("Idempotency-Key", "idem-1")
                .body("audio/wav", wav).send().expect(201).json();
        assertThat(again.path("id")).isEqualTo(first.path("id"));
        SERVER.post("/v1/audio?name=idem.wav").as(Role.INGEST).header("Idempotency-Key", "idem-1")
                .body("audio/wav", TestAudio.wav(1.6, 8000)).send().problem(409);
    }

    @Test
    void anotherKeysIdempotencyKeyStoresItsOwnUploadAndShowsNothingOfTheFirst() {
        byte[] wav = TestAudio.wav(1.7, 8000);
        JsonNode first = SERVER.post("/v1/audio?name=idem.wav").as(Role.INGEST).header("Idempotency-Key", "idem-shared")
                .body("audio/wav", wav).send().expect(201).json();
        String otherIngest = SERVER.store().apiKeys().create(Role.INGEST, "second uploader").secret();

        JsonNode second = SERVER.post("/v1/audio?name=idem.wav").bearer(otherIngest).header("Idempotency-Key", "idem-shared")
                .body("audio/wav", wav).send().expect(201).json();
        JsonNode retry = SERVER.post("/v1/audio?name=idem.wav").bearer(otherIngest).header("Idempotency-Key", "idem-shared")
                .body("audio/wav", wav).send().expect(201).json();

        assertThat(second.path("id").asText()).isNotEqualTo(first.path("id").asText());
        assertThat(second.path("uploaded_by").asText()).isNotEqualTo(first.path("uploaded_by").asText());
        assertThat(retry.path("id")).isEqualTo(second.path("id"));
        assertThat(SERVER.get("/v1/audio?limit=1000").bearer(otherIngest).send().expect(200).json().path("items"))
                .extracting(item -> item.path("id").asText()).containsExactly(second.path("id").asText());
    }
}
