package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad request gets its own status and a problem body naming what was wrong, stores nothing, and leaves
 * the server answering. Limits are small here (64 KiB uploads, 16 KiB JSON) so oversize bodies are cheap to send.
 */
class BadInputTest {

    static final int MAX_UPLOAD = 64 * 1024;

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness(java.util.Map.of(),
            s -> s.withMaxUploadBytes(MAX_UPLOAD).withMaxJsonBytes(16 * 1024).withMaxHeaderBytes(4096));

    @AfterEach
    void serverStillAnswers() {
        assertThat(SERVER.get("/health").send().expect(200).json().path("status").asText()).isEqualTo("ok");
    }

    @Test
    void uploadWithAWrongContentTypeIs415() {
        JsonNode problem = SERVER.post("/v1/audio?name=a.wav").as(Role.INGEST).json("{}").send().problem(415, "Content-Type");
        assertThat(problem.path("detail").asText()).contains("application/json").contains("audio/*");
        SERVER.post("/v1/texts?name=a.txt").as(Role.INGEST).body("audio/wav", new byte[] {1}).send().problem(415);
        assertNothingStored();
    }

    @Test
    void jsonRouteWithAWrongContentTypeIs415() {
        SERVER.post("/v1/audio/claim").as(Role.WORKER).body("text/plain", "{}".getBytes()).send().problem(415, "Content-Type");
    }

    @Test
    void emptyBodiesAre400() {
        SERVER.post("/v1/audio?name=a.wav").as(Role.INGEST).body("audio/wav", new byte[0]).send().problem(400, "body");
        SERVER.post("/v1/audio?name=a.wav").as(Role.INGEST).stream("audio/wav", () -> InputStream.nullInputStream()).send()
                .problem(400, "body");
        SERVER.post("/v1/audio/claim").as(Role.WORKER).json("").send().problem(400, "body");
        assertNothingStored();
    }

    @Test
    void declaredOversizeIsRefusedBeforeReading() {
        JsonNode problem = SERVER.post("/v1/audio?name=big.wav").as(Role.INGEST).expectContinue()
                .body("audio/wav", new byte[MAX_UPLOAD + 1]).send().problem(413, "body");
        assertThat(problem.path("detail").asText()).contains(Integer.toString(MAX_UPLOAD));
        SERVER.post("/v1/audio/claim").as(Role.WORKER).expectContinue().json("{\"owner\": \"" + "x".repeat(17 * 1024) + "\"}").send().problem(413);
        assertNothingStored();
    }

    @Test
    void chunkedOversizeIsRefusedWhenTheLimitIsPassed() {
        byte[] wav = TestAudio.wav(10, 8000);
        SERVER.post("/v1/audio?name=big.wav").as(Role.INGEST).stream("audio/wav", () -> new ByteArrayInputStream(wav)).send()
                .problem(413, "body");
        SERVER.post("/v1/audio").as(Role.INGEST).multipart(new Multipart().file("file", "big.wav", "audio/wav", wav)).send()
                .problem(413);
        assertNothingStored();
    }

    /**
     * A client that sends its whole body before reading the answer must get the refusal, not a reset: the server reads
     * the rest of a refused body (up to a bound) before answering, where Jetty would close a connection with unread
     * content and the client's next bytes would draw a TCP reset that discards the answer (seen as a flaky test).
     */
    @Test
    void aRefusalReachesAClientThatIsStillSending() throws Exception {
        byte[] form = new Multipart().file("file", "big.wav", "audio/wav", TestAudio.wav(10, 8000)).bytes();
        String boundary = new String(form, 2, form.length - 2, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        byte[] wrongKey = TestAudio.wav(10, 8000);
        for (var request : List.of(
                new RawRequest("POST /v1/audio", "multipart/form-data; boundary=" + boundary, SERVER.key(Role.INGEST), form),
                new RawRequest("POST /v1/audio?name=a.wav", "audio/wav", "not-a-key", wrongKey),
                new RawRequest("POST /v1/audio?name=a.wav", "audio/wav", SERVER.key(Role.READ), wrongKey))) {
            try (Socket socket = new Socket(SERVER.server().baseUri().getHost(), SERVER.server().port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(request.head());
                int first = Math.min(request.body().length, MAX_UPLOAD + 8 * 1024);
                out.write(request.body(), 0, first);
                out.flush();
                Thread.sleep(300); // the server has refused by now; the rest arrives after its answer, piece by piece
                for (int at = first; at < request.body().length; at += 8 * 1024) {
                    // A connection closed with unread content answers these bytes with a reset; a later write fails.
                    out.write(request.body(), at, Math.min(8 * 1024, request.body().length - at));
                    out.flush();
                    Thread.sleep(5);
                }

                String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

                assertThat(answer).as(request.requestLine()).isIn("HTTP/1.1 413", "HTTP/1.1 401", "HTTP/1.1 403");
            }
        }
        assertNothingStored();
    }

    /** A client that stops sending gets its refusal when the server stops waiting for the rest, not at the idle timeout. */
    @Test
    void aRefusalReachesAClientThatStoppedSendingWithinSeconds() throws Exception {
        byte[] body = TestAudio.wav(1, 8000);
        try (Socket socket = new Socket(SERVER.server().baseUri().getHost(), SERVER.server().port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(new RawRequest("POST /v1/audio?name=a.wav", "audio/wav", "not-a-key", body).head());
            out.write(body, 0, 100);
            out.flush();
            long start = System.nanoTime();

            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

            assertThat(answer).isEqualTo("HTTP/1.1 401");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    /**
     * A refused request without a body (no Content-Length, not chunked, as curl sends a GET or DELETE) has nothing to
     * wait for: five of them took ten seconds when the server waited out its two-second bound for a body never coming.
     */
    @Test
    void refusalsOfRequestsWithoutABodyAreNotHeldBack() throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            try (Socket socket = new Socket(SERVER.server().baseUri().getHost(), SERVER.server().port())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(("DELETE /v1/audio/" + java.util.UUID.randomUUID() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + SERVER.key(Role.ADMIN) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();

                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 404");
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** A refused request whose body arrived whole is answered at once, not when the swallow's bound runs out. */
    @Test
    void refusalsOfRequestsWhoseBodyArrivedWholeAreNotHeldBack() throws Exception {
        byte[] json = "{\"content\": \"x\", \"language\": \"en\"}".getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            try (Socket socket = new Socket(SERVER.server().baseUri().getHost(), SERVER.server().port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(new RawRequest("POST /v1/audio/" + java.util.UUID.randomUUID() + "/transcriptions", "application/json",
                        "not-a-key", json).head());
                out.write(json);
                out.flush();

                assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 401");
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    private record RawRequest(String requestLine, String contentType, String key, byte[] body) {
        byte[] head() {
            return (requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void contentThatIsNotAudioIs422() {
        JsonNode problem = SERVER.post("/v1/audio?name=notes.wav").as(Role.INGEST).body("audio/wav", "not audio at all".getBytes())
                .send().problem(422, "file");
        assertThat(problem.path("detail").asText()).contains("notes.wav");
        SERVER.post("/v1/audio?name=fake.mp3").as(Role.INGEST).body("audio/mpeg", TestAudio.wav(1, 8000)).send().problem(422, "file");
        JsonNode declared = SERVER.post("/v1/audio?name=real.wav").as(Role.INGEST).body("audio/mpeg", TestAudio.wav(1, 8000)).send()
                .problem(422, "content_type");
        assertThat(declared.path("detail").asText()).contains("audio/mpeg");
        assertNothingStored();
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        JsonNode problem = SERVER.post("/v1/audio/claim").as(Role.WORKER).json("{\"from_status\": ").send().problem(400, "body");
        assertThat(problem.path("detail").asText()).contains("not valid JSON");
        JsonNode twoValues = SERVER.post("/v1/audio/claim").as(Role.WORKER).json("{} {}").send().problem(400, "body");
        assertThat(twoValues.path("detail").asText()).contains("more follows the first JSON value");
        JsonNode wrongType = SERVER.post("/v1/audio/claim").as(Role.WORKER)
                .json("{\"from_status\": 5, \"to_status\": \"processing\", \"limit\": 1, \"lease_seconds\": 60}").send()
                .problem(400, "from_status");
        assertThat(wrongType.path("detail").asText()).as("no Java types or Jackson settings").isEqualTo("from_status: expected a string")
                .doesNotContain("java.").doesNotContain("Coercion");
        SERVER.post("/v1/audio/claim").as(Role.WORKER).json("{\"limit\": 1, \"limit\": 2}").send().problem(400);
    }

    /** Jackson's words name Java types, its settings and a redacted source; the client sent JSON and gets JSON's terms. */
    @Test
    void numbersAndUnfinishedBodiesAreRefusedWithoutJacksonsInternals() {
        String claim = "{\"from_status\": \"uploaded\", \"to_status\": \"processing\", \"lease_seconds\": 60, \"limit\": ";
        assertThat(detail(claim + "1.5}", "limit")).isEqualTo("limit: expected a whole number");
        assertThat(detail(claim + "99999999999}", "limit"))
                .isEqualTo("limit: 99999999999 is out of range: expected a whole number from -2147483648 to 2147483647");
        assertThat(detail(claim + "1" + "0".repeat(1200) + "}", "body"))
                .isEqualTo("body: not valid JSON: Number value length (1201) exceeds the maximum allowed (1000)");
        assertThat(detail("{\"from_status\": \"uploaded\"", "body")).doesNotContain("Source", "REDACTED", "Feature")
                .contains("start marker at line 1, column 1");
    }

    private static String detail(String json, String field) {
        return SERVER.post("/v1/audio/claim").as(Role.WORKER).json(json).send().problem(400, field).path("detail").asText();
    }

    @Test
    void aBatchThatIsNotAnArrayAndNumbersOutOfRangeAreToldInTheClientsTerms() {
        JsonNode notAnArray = SERVER.post("/v1/transcriptions").as(Role.WORKER).json("{\"content\": \"x\"}").send()
                .problem(400, "body");
        assertThat(notAnArray.path("detail").asText()).contains("expected a JSON array").doesNotContain("BatchItem");
        JsonNode huge = SERVER.get("/v1/audio?limit=99999999999").as(Role.READ).send().problem(400, "limit");
        assertThat(huge.path("detail").asText()).contains("out of range").contains("1 to 1000");
        SERVER.get("/v1/audio?limit=ten").as(Role.READ).send().problem(400, "limit");
        SERVER.get("/v1/audio?&limit=3").as(Role.READ).send().expect(200);
    }

    @Test
    void jsonNoCatalogStoresIsRefusedNamingItsField() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "fields.wav");
        String deep = "[".repeat(40) + "]".repeat(40);
        JsonNode tooDeep = SERVER.post("/v1/results").as(Role.WORKER).json("[{\"audio_file_id\": \"" + audio
                + "\", \"analysis_type\": \"deep\", \"result\": " + deep + "}]").send().problem(400, "results[0].result");
        assertThat(tooDeep.path("detail").asText()).contains("deeper than");
        SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"lone \\ud800 half\"}").send().problem(400, "content");
        SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"x\", \"model_version\": \"m\\u0000\"}").send().problem(400, "model_version");
        assertThat(SERVER.get("/v1/audio/" + audio + "/transcriptions").as(Role.READ).send().expect(200).json().path("items"))
                .isEmpty();
    }

    @Test
    void unknownJsonFieldsAreRefusedByName() {
        JsonNode problem = SERVER.post("/v1/audio/claim").as(Role.WORKER)
                .json("{\"from_status\": \"uploaded\", \"to_status\": \"processing\", \"lease\": 5}").send().problem(400, "lease");
        assertThat(problem.path("detail").asText()).contains("unknown field").contains("lease_seconds");
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "fields.wav");
        SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER).json("{\"content\": \"x\", \"modelVersion\": \"m\"}")
                .send().problem(400, "modelVersion");
        SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER).json("{\"content\": 5}").send().problem(400, "content");
        SERVER.post("/v1/audio").as(Role.INGEST).multipart(new Multipart().field("colour", "red")
                .file("file", "a.wav", "audio/wav", TestAudio.wav(1, 8000))).send().problem(400, "colour");
        // A malformed form is 400 even where its field is "file", which names refused content (422) elsewhere.
        SERVER.post("/v1/audio").as(Role.INGEST).multipart(new Multipart().field("language", "en")).send().problem(400, "file");
        SERVER.post("/v1/audio").as(Role.INGEST).multipart(new Multipart().file("file", "a.wav", "audio/wav", TestAudio.wav(1, 8000))
                .file("file", "b.wav", "audio/wav", TestAudio.wav(1, 8000))).send().problem(400, "file");
    }

    @Test
    void invalidIdsAre400NamingTheParameter() {
        SERVER.get("/v1/audio/not-a-uuid").as(Role.READ).send().problem(400, "id");
        SERVER.get("/v1/transcriptions/1-2-3-4-5").as(Role.READ).send().problem(400, "id");
        SERVER.get("/v1/audio/" + java.util.UUID.randomUUID()).as(Role.READ).send().problem(404);
        SERVER.get("/v1/audio?cursor=garbage").as(Role.READ).send().problem(400, "cursor");
        SERVER.get("/v1/audio?limit=0").as(Role.READ).send().problem(400, "limit");
        SERVER.get("/v1/audio?since=yesterday").as(Role.READ).send().problem(400, "since");
    }

    @Test
    void invalidRangesAre416WithTheSize() {
        byte[] wav = TestAudio.wav(1, 8000);
        String audio = SERVER.upload(wav, "range.wav");
        for (String range : List.of("bytes=abc", "bytes=5-2", "bytes=0-1,4-5", "bytes=-0", "bytes=" + wav.length + "-")) {
            Reply reply = SERVER.get("/v1/audio/" + audio + "/content").as(Role.READ).header("Range", range).send();
            reply.problem(416, "Range");
            assertThat(reply.header("Content-Range")).isEqualTo("bytes */" + wav.length);
        }
        JsonNode pastTheEnd = SERVER.get("/v1/audio/" + audio + "/content").as(Role.READ)
                .header("Range", "bytes=99999999999999999999-").send().problem(416, "Range");
        assertThat(pastTheEnd.path("detail").asText()).contains("starts at or past the end");
    }

    @Test
    void unknownStatusAndRefusedTransitionAreTold() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "status.wav");
        SERVER.get("/v1/audio?status=lost").as(Role.READ).send().problem(400, "status");
        SERVER.call("PATCH", "/v1/audio/" + audio).as(Role.WORKER).json("{\"status\": \"lost\"}").send().problem(400, "status");
        SERVER.call("PATCH", "/v1/audio/" + audio).as(Role.WORKER).json("{\"status\": \"analyzed\"}").send().problem(409);
        SERVER.call("PATCH", "/v1/audio/" + audio).as(Role.WORKER).json("{}").send().problem(400, "body");
    }

    @Test
    void refusedMetadataLeavesTheStatusWhereItWas() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "status.wav");

        SERVER.call("PATCH", "/v1/audio/" + audio).as(Role.WORKER)
                .json("{\"status\": \"processing\", \"metadata\": {\"note\": \"a\\u0000b\"}}").send().problem(400, "metadata");

        JsonNode file = SERVER.get("/v1/audio/" + audio).as(Role.READ).send().expect(200).json();
        assertThat(file.path("status").asText()).isEqualTo("uploaded");
        assertThat(file.path("metadata").isEmpty()).isTrue();
        SERVER.get("/health").send().expect(200);
    }

    @Test
    void headerInjectionInNamesIsRefusedAndDownloadNamesAreEscaped() {
        SERVER.post("/v1/audio?name=a%0D%0ASet-Cookie:%20x=1.wav").as(Role.INGEST).body("audio/wav", TestAudio.wav(1, 8000))
                .send().problem(400, "name");
        SERVER.post("/v1/audio?name=..%2Fetc%2Fpasswd.wav").as(Role.INGEST).body("audio/wav", TestAudio.wav(1, 8000)).send()
                .problem(400, "name");
        JsonNode disguised = SERVER.post("/v1/audio?name=a%E2%80%AEvaw.exe").as(Role.INGEST).body("audio/wav", TestAudio.wav(1, 8000))
                .send().problem(400, "name");
        assertThat(disguised.path("detail").asText()).contains("bidirectional").contains("a\\u202evaw.exe");
        String odd = SERVER.post("/v1/audio?name=" + java.net.URLEncoder.encode("we\"ird; ünï.wav", java.nio.charset.StandardCharsets.UTF_8))
                .as(Role.INGEST).body("audio/wav", TestAudio.wav(1.1, 8000)).send().expect(201).json().path("id").asText();
        String disposition = SERVER.get("/v1/audio/" + odd + "/content").as(Role.READ).send().expect(200).header("Content-Disposition");
        assertThat(disposition).isEqualTo("attachment; filename=\"we_ird; _n_.wav\"; filename*=UTF-8''we%22ird%3B%20%C3%BCn%C3%AF.wav");
    }

    @Test
    void clipWithoutAStartIs400() {
        assertThat(SERVER.get("/v1/audio/" + SERVER.upload(TestAudio.wav(1, 8000), "c.wav") + "/clip").as(Role.READ).send()
                .problem(400, "start").path("detail").asText()).contains("required");
    }

    @Test
    void clipOfAFormatThatCannotBeCutIs422NamingTheFormat(@TempDir Path dir) throws Exception {
        Path flac = dir.resolve("tone.flac");
        Process sox = new ProcessBuilder("sox", "-n", "-r", "8000", flac.toString(), "synth", "1", "sine", "440")
                .redirectErrorStream(true).start();
        assertThat(sox.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sox.exitValue()).as(new String(sox.getInputStream().readAllBytes())).isZero();
        String id = SERVER.post("/v1/audio?name=tone.flac").as(Role.INGEST).body("audio/flac", Files.readAllBytes(flac)).send()
                .expect(201).json().path("id").asText();
        JsonNode problem = SERVER.get("/v1/audio/" + id + "/clip?start=0&end=0.5").as(Role.READ).send().problem(422, "format");
        assertThat(problem.path("detail").asText()).contains("flac");
    }

    @Test
    void badFileNamesInContentDispositionAreRefusedNamingTheHeader() {
        byte[] wav = TestAudio.wav(1, 8000);
        for (String header : List.of("attachment; filename=\"open.wav", "attachment; filename*=UTF-8''%ZZ.wav",
                "attachment; filename*=KOI8-R''a.wav", "attachment filename=a.wav", "attachment; filename=a.wav; filename=b.wav")) {
            SERVER.post("/v1/audio").as(Role.INGEST).header("Content-Disposition", header).body("audio/wav", wav).send()
                    .problem(400, "Content-Disposition");
        }
        JsonNode twoNames = SERVER.post("/v1/audio?name=one.wav").as(Role.INGEST).header("Content-Disposition", "attachment; filename=two.wav")
                .body("audio/wav", wav).send().problem(400, "name");
        assertThat(twoNames.path("detail").asText()).contains("one.wav").contains("two.wav");
        SERVER.post("/v1/audio").as(Role.INGEST).header("Content-Disposition", "attachment; filename=\"../../etc/passwd.wav\"")
                .body("audio/wav", wav).send().problem(400, "name");
        SERVER.post("/v1/audio").as(Role.INGEST).header("Content-Disposition", "attachment; filename*=UTF-8''a%0Ab.wav")
                .body("audio/wav", wav).send().problem(400, "name");
        assertNothingStored();
    }

    @Test
    void searchRefusalsNameTheParametersTheClientSent() {
        JsonNode backwards = SERVER.get("/v1/search?q=x&since=2026-12-03&before=2026-12-01").as(Role.READ).send().problem(400, "before");
        assertThat(backwards.path("detail").asText()).contains("since");
        SERVER.get("/v1/search?q=x&model=" + "m".repeat(51)).as(Role.READ).send().problem(400, "model");
    }

    @Test
    void queryParametersARouteDoesNotTakeAreRefusedByName() {
        JsonNode misspelt = SERVER.get("/v1/search?q=hello&created_from=2026-01-01T00:00:00Z").as(Role.READ).send()
                .problem(400, "created_from");
        assertThat(misspelt.path("detail").asText()).contains("unknown query parameter").contains("since");
        SERVER.post("/v1/audio?name=a.wav&bogus=1").as(Role.INGEST).body("audio/wav", TestAudio.wav(1, 8000)).send()
                .problem(400, "bogus");
        SERVER.get("/v1/audio?limit=5&sort=name").as(Role.READ).send().problem(400, "sort");
        assertNothingStored();
    }

    @Test
    void aQueryParameterGivenTwiceIsRefusedNotReadOnce() {
        JsonNode twice = SERVER.post("/v1/audio?name=a.wav&language=en&language=xx").as(Role.INGEST)
                .body("audio/wav", TestAudio.wav(1, 8000)).send().problem(400, "language");
        assertThat(twice.path("detail").asText()).contains("given 2 times");
        SERVER.get("/v1/audio?status=uploaded&status=processing").as(Role.READ).send().problem(400, "status");
        assertNothingStored();
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        SERVER.get("/v1/nothing-here").as(Role.READ).send().problem(404);
        Reply wrongMethod = SERVER.call("PUT", "/v1/audio").as(Role.ADMIN).send();
        wrongMethod.problem(405);
        assertThat(wrongMethod.header("Allow")).as("RFC 9110 15.5.6").isEqualTo("GET, POST");
    }

    @Test
    void headIsServedForContentAndRefusedElsewhere() {
        byte[] wav = TestAudio.wav(1, 8000);
        String id = SERVER.upload(wav, "c.wav");
        Reply head = SERVER.call("HEAD", "/v1/audio/" + id + "/content").as(Role.READ).send().expect(200);
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(wav.length));
        assertThat(head.header("ETag")).isNotBlank();
        assertThat(head.body()).isEmpty();
        SERVER.call("HEAD", "/v1/audio/" + id + "/content").send().expect(401);
        SERVER.call("HEAD", "/v1/audio/" + id).as(Role.ADMIN).send().expect(405);
    }

    @Test
    void oversizedHeadersAre431Problems() {
        SERVER.get("/health").header("X-Padding", "x".repeat(8000)).send().problem(431);
    }

    @Test
    void aPathJettyCannotDecodeIsAProblemWhateverTheMethod() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            SERVER.call(method, "/v1/temp/%FF?ttl=60").as(Role.WORKER).json("1").send().problem(400);
        }
    }

    @Test
    void bodyThatBreaksOffBeforeItsDeclaredLengthStoresNothing() {
        byte[] wav = TestAudio.wav(1, 8000);
        InputStream failing = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(wav, 0, 1000),
                new InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("client gave up");
                    }
                })));
        try {
            SERVER.post("/v1/audio?name=broken.wav").as(Role.INGEST).stream("audio/wav", () -> failing).send();
        } catch (RuntimeException expected) {
            // the client itself fails; what matters is the server side
        }
        assertNothingStored();
    }

    /** No upload in these tests may leave a row behind, except the few that were meant to succeed. */
    private static void assertNothingStored() {
        assertThat(SERVER.store().audio().list(AudioFileQuery.all(), PageRequest.first(1000)).items())
                .allSatisfy(file -> assertThat(file.originalName()).isIn("fields.wav", "range.wav", "status.wav", "c.wav", "tone.flac",
                        "we\"ird; ünï.wav"));
    }
}
