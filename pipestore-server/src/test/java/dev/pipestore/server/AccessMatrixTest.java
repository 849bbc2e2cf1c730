package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.Role;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.ingest.ClaimRequest;
import dev.pipestore.ingest.TextUpload;
import dev.pipestore.results.NewAnalysisResult;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.results.NewTranslation;
import dev.pipestore.server.access.Access;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every registered route, called with no key, a revoked key, and a key of each role, answers as its declared access
 * says: 2xx when admitted (with a valid request made fresh for each call), 401 without a valid key, 403 for a key of
 * another role. Ingest keys reading someone else's uploads are told they do not exist.
 */
class AccessMatrixTest {

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness();

    private static final AtomicInteger FRESH = new AtomicInteger();

    /** How to make a valid request to each route; a route without one fails the walk. */
    private static final Map<String, Function<String, Call>> RECIPES = recipes();

    @Test
    void everyRouteAnswersEveryCallerAsDeclared() {
        String revoked = SERVER.store().apiKeys().create(Role.ADMIN, "to revoke").secret();
        SERVER.store().apiKeys().revoke(SERVER.store().apiKeys().authenticate(revoked).orElseThrow().id());
        List<String> mismatches = new ArrayList<>();
        for (RegisteredRoute route : RegisteredRoute.of(SERVER.server())) {
            Function<String, Call> recipe = RECIPES.get(route.toString());
            assertThat(recipe).as("a request recipe for %s", route).isNotNull();
            check(mismatches, route, "no key", recipe.apply(null).send().status(), expectedWithoutKey(route));
            check(mismatches, route, "revoked key", recipe.apply(revoked).send().status(), expectedWithoutKey(route));
            for (Role role : Role.values()) {
                check(mismatches, route, role.wireName(), recipe.apply(SERVER.key(role)).send().status(), expected(route, role));
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void twoAuthorizationHeadersAreRefusedWhicheverComesFirst() {
        JsonNode problem = SERVER.get("/v1/audio").as(Role.READ).bearer(SERVER.key(Role.ADMIN)).send().problem(401,
                "Authorization");
        assertThat(problem.path("detail").asText()).contains("several Authorization headers");
        SERVER.get("/v1/audio").bearer("not-a-key").as(Role.ADMIN).send().problem(401, "Authorization");
    }

    @Test
    void ingestKeysReadTheirOwnUploadsOnly() {
        String otherIngest = SERVER.store().apiKeys().create(Role.INGEST, "another uploader").secret();
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "own.wav");
        String text = SERVER.post("/v1/texts?name=own.txt").as(Role.INGEST).body("text/plain", "mine".getBytes()).send()
                .expect(201).json().path("id").asText();
        for (String path : List.of("/v1/audio/" + audio, "/v1/audio/" + audio + "/content", "/v1/audio/" + audio + "/clip?start=0",
                "/v1/texts/" + text, "/v1/texts/" + text + "/content")) {
            SERVER.get(path).as(Role.INGEST).send().expect(200);
            SERVER.get(path).bearer(otherIngest).send().problem(404);
            SERVER.get(path).as(Role.READ).send().expect(200);
        }
        JsonNode theirs = SERVER.post("/v1/audio?name=theirs.wav").bearer(otherIngest)
                .body("audio/wav", TestAudio.wav(1.2, 8000)).send().expect(201).json();
        String uploadedByOther = theirs.path("id").asText();
        String other = theirs.path("uploaded_by").asText();
        SERVER.get("/v1/audio/" + uploadedByOther).as(Role.INGEST).send().problem(404);

        assertThat(SERVER.get("/v1/audio?limit=1000").as(Role.INGEST).send().expect(200).json().findValuesAsText("uploaded_by"))
                .isNotEmpty().containsOnly(ingestKeyId());
        assertThat(SERVER.get("/v1/audio?limit=1000").as(Role.INGEST).send().json().findValuesAsText("id"))
                .contains(audio).doesNotContain(uploadedByOther);
        assertThat(SERVER.get("/v1/audio?uploaded_by=" + other).as(Role.INGEST).send().expect(200).json().path("items")).isEmpty();
        assertThat(SERVER.get("/v1/audio?uploaded_by=" + other).bearer(otherIngest).send().json().findValuesAsText("id"))
                .containsExactly(uploadedByOther);
        assertThat(SERVER.get("/v1/texts?limit=1000").bearer(otherIngest).send().expect(200).json().path("items")).isEmpty();
        assertThat(SERVER.get("/v1/texts?limit=1000").as(Role.INGEST).send().json().findValuesAsText("id")).contains(text);
        assertThat(SERVER.get("/v1/audio?uploaded_by=" + other).as(Role.READ).send().json().findValuesAsText("id"))
                .containsExactly(uploadedByOther);
        assertThat(SERVER.get("/v1/audio?limit=1000").as(Role.READ).send().json().findValuesAsText("id"))
                .contains(audio, uploadedByOther);
    }

    private static int expectedWithoutKey(RegisteredRoute route) {
        return route.access().contains(Access.OPEN) || route.access().contains(Access.LOOPBACK) ? 200 : 401;
    }

    /** Loopback routes are open to this test, which runs on loopback. */
    private static int expected(RegisteredRoute route, Role role) {
        boolean admitted = route.access().contains(Access.OPEN) || route.access().contains(Access.LOOPBACK)
                || role == Role.ADMIN || route.access().stream().anyMatch(access -> access.admits(role));
        return admitted ? 200 : 403;
    }

    private static void check(List<String> mismatches, RegisteredRoute route, String caller, int actual, int expected) {
        boolean ok = expected == 200 ? actual >= 200 && actual < 300 : actual == expected;
        if (!ok) {
            mismatches.add(route + " as " + caller + ": " + actual + ", expected " + (expected == 200 ? "2xx" : expected));
        }
    }

    private static Map<String, Function<String, Call>> recipes() {
        Map<String, Function<String, Call>> r = new HashMap<>();
        r.put("GET /health", key -> call("GET", "/health", key));
        r.put("GET /ready", key -> call("GET", "/ready", key));
        r.put("GET /metrics", key -> call("GET", "/metrics", key));
        r.put("GET /openapi.json", key -> call("GET", "/openapi.json", key));
        r.put("POST /v1/audio", key -> call("POST", "/v1/audio?name=fresh.wav", key).body("audio/wav", freshWav()));
        r.put("GET /v1/audio", key -> call("GET", "/v1/audio", key));
        r.put("POST /v1/audio/claim", key -> call("POST", "/v1/audio/claim", key)
                .json("{\"from_status\": \"uploaded\", \"to_status\": \"processing\", \"limit\": 1, \"lease_seconds\": 5}"));
        r.put("POST /v1/audio/{id}/lease", key -> call("POST", "/v1/audio/" + leasedTo(key) + "/lease", key)
                .json("{\"lease_seconds\": 60}"));
        r.put("DELETE /v1/audio/{id}/lease", key -> call("DELETE", "/v1/audio/" + leasedTo(key) + "/lease", key));
        r.put("GET /v1/audio/{id}", key -> call("GET", "/v1/audio/" + audio().id(), key));
        r.put("PATCH /v1/audio/{id}", key -> call("PATCH", "/v1/audio/" + audio().id(), key).json("{\"metadata\": {\"x\": 1}}"));
        r.put("DELETE /v1/audio/{id}", key -> call("DELETE", "/v1/audio/" + audio().id(), key));
        r.put("GET /v1/audio/{id}/content", key -> call("GET", "/v1/audio/" + audio().id() + "/content", key));
        r.put("HEAD /v1/audio/{id}/content", key -> call("HEAD", "/v1/audio/" + audio().id() + "/content", key));
        r.put("DELETE /v1/texts/{id}", key -> call("DELETE", "/v1/texts/" + text().id(), key));
        r.put("HEAD /v1/texts/{id}/content", key -> call("HEAD", "/v1/texts/" + text().id() + "/content", key));
        r.put("GET /v1/audio/{id}/clip", key -> call("GET", "/v1/audio/" + audio().id() + "/clip?start=0&end=0.5", key));
        r.put("POST /v1/audio/{id}/transcriptions", key -> call("POST", "/v1/audio/" + audio().id() + "/transcriptions", key)
                .json("{\"content\": \"hello\", \"language\": \"en\"}"));
        r.put("POST /v1/transcriptions", key -> call("POST", "/v1/transcriptions", key)
                .json("[{\"audio_file_id\": \"" + audio().id() + "\", \"content\": \"hello\", \"language\": \"en\"}]"));
        r.put("GET /v1/audio/{id}/transcriptions", key -> call("GET", "/v1/audio/" + audio().id() + "/transcriptions", key));
        r.put("GET /v1/audio/{id}/results", key -> call("GET", "/v1/audio/" + audio().id() + "/results", key));
        r.put("GET /v1/transcriptions/{id}", key -> call("GET", "/v1/transcriptions/" + transcription().id(), key));
        r.put("POST /v1/transcriptions/{id}/translations", key -> call("POST", "/v1/transcriptions/" + transcription().id()
                + "/translations", key).json("{\"content\": \"hallo\", \"target_language\": \"de\"}"));
        r.put("GET /v1/transcriptions/{id}/translations", key -> call("GET", "/v1/transcriptions/" + transcription().id()
                + "/translations", key));
        r.put("GET /v1/transcriptions/{id}/results", key -> call("GET", "/v1/transcriptions/" + transcription().id() + "/results", key));
        r.put("GET /v1/translations/{id}", key -> call("GET", "/v1/translations/" + store().translations()
                .add(transcription().id(), NewTranslation.of("hallo", "de")).id(), key));
        r.put("POST /v1/results", key -> call("POST", "/v1/results", key)
                .json("[{\"audio_file_id\": \"" + audio().id() + "\", \"analysis_type\": \"t\", \"result\": true}]"));
        r.put("GET /v1/results/{id}", key -> call("GET", "/v1/results/" + store().results().addBatch(List.of(
                new NewAnalysisResult(audio().id(), null, "t", Metadata.empty(), null, null))).get(0).id(), key));
        r.put("POST /v1/texts", key -> call("POST", "/v1/texts?name=fresh.txt", key).body("text/plain", "fresh".getBytes()));
        r.put("GET /v1/texts", key -> call("GET", "/v1/texts", key));
        r.put("GET /v1/texts/{id}", key -> call("GET", "/v1/texts/" + text().id(), key));
        r.put("GET /v1/texts/{id}/content", key -> call("GET", "/v1/texts/" + text().id() + "/content", key));
        r.put("GET /v1/search", key -> call("GET", "/v1/search?q=hello", key));
        r.put("PUT /v1/temp/{key}", key -> call("PUT", "/v1/temp/matrix", key).json("{\"a\": 1}"));
        r.put("GET /v1/temp/{key}", key -> {
            store().cache().put("temp:matrix-get", Metadata.empty());
            return call("GET", "/v1/temp/matrix-get", key);
        });
        r.put("DELETE /v1/temp/{key}", key -> call("DELETE", "/v1/temp/matrix", key));
        r.put("GET /v1/keys", key -> call("GET", "/v1/keys", key));
        r.put("POST /v1/keys", key -> call("POST", "/v1/keys", key).json("{\"role\": \"read\", \"name\": \"made by the matrix\"}"));
        r.put("DELETE /v1/keys/{id}", key -> call("DELETE", "/v1/keys/" + store().apiKeys().create(Role.READ, "to revoke").key().id(), key));
        return r;
    }

    private static Call call(String method, String path, String key) {
        Call call = SERVER.call(method, path);
        return key == null ? call : call.bearer(key);
    }

    private static PipeStore store() {
        return SERVER.store();
    }

    private static byte[] freshWav() {
        return TestAudio.wav(1, 8000, 1, 200 + FRESH.incrementAndGet());
    }

    /** A new audio file, owned by the harness's ingest key, so "ingest-own" admits it. */
    private static AudioFile audio() {
        return store().audio().ingest(new ByteArrayInputStream(freshWav()), AudioUpload.named("matrix.wav").withUploadedBy(ingestKeyId()));
    }

    /**
     * A new audio file leased to {@code key} (to some other holder when the key is not valid), claimed from a status
     * only this helper's files reach (files given back return there, and are claimed along).
     */
    private static UUID leasedTo(String key) {
        AudioFile file = audio();
        store().audio().updateStatus(file.id(), AudioStatus.FAILED);
        String holder = key == null ? "nobody" : store().apiKeys().authenticate(key).map(k -> k.id().toString()).orElse("nobody");
        List<ClaimedAudioFile> claimed = store().audio().claim(new ClaimRequest(AudioStatus.FAILED, AudioStatus.UPLOADED, 100, 3600, holder));
        assertThat(claimed).extracting(c -> c.file().id()).contains(file.id());
        return file.id();
    }

    private static TextDocument text() {
        return store().texts().add(new ByteArrayInputStream(("text " + FRESH.incrementAndGet()).getBytes()),
                TextUpload.named("matrix.txt").withUploadedBy(ingestKeyId()));
    }

    private static String ingestKeyId() {
        return store().apiKeys().authenticate(SERVER.key(Role.INGEST)).orElseThrow().id().toString();
    }

    private static Transcription transcription() {
        return store().transcriptions().add(audio().id(), NewTranscription.of("hello", "en"));
    }
}
