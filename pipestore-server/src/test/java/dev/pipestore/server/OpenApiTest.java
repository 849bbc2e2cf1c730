package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document served at {@code /openapi.json} describes exactly the routes the server registered, with the
 * access each declares, and the records it describes have exactly the fields the server sends.
 */
class OpenApiTest {

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness();

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    @Test
    void everyRegisteredRouteIsDocumentedWithItsAccess() {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        List<RegisteredRoute> routes = RegisteredRoute.of(SERVER.server());
        assertThat(routes).hasSizeGreaterThan(25);
        for (RegisteredRoute route : routes) {
            JsonNode operation = doc.path("paths").path(route.path()).path(route.method());
            assertThat(operation.isObject()).as("%s is missing from openapi.json", route).isTrue();
            List<String> documented = new ArrayList<>();
            operation.path("x-pipestore-access").forEach(a -> documented.add(a.asText()));
            assertThat(documented).as("x-pipestore-access of %s", route).containsExactlyInAnyOrderElementsOf(route.documentedAccess());
        }
    }

    @Test
    void everyDocumentedOperationIsARegisteredRoute() {
        Set<String> registered = new HashSet<>();
        RegisteredRoute.of(SERVER.server()).forEach(route -> registered.add(route.toString()));
        document().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                assertThat(registered).as("documented but not served").contains(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
    }

    @Test
    void operationsAreCompleteAndEveryReferenceResolves() {
        JsonNode doc = document();
        Set<String> ids = new HashSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String name = entry.getKey() + " " + path.getKey();
            assertThat(ids.add(operation.path("operationId").asText())).as("unique operationId of %s", name).isTrue();
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            assertThat(operation.path("responses").properties()).as(name)
                    .anySatisfy(response -> assertThat(response.getKey()).matches("2\\d\\d"));
            boolean keyed = !operation.path("security").isArray() || !operation.path("security").isEmpty();
            if (keyed && !operation.path("x-pipestore-access").toString().contains("loopback")) {
                assertThat(operation.path("responses").has("401")).as("%s documents 401", name).isTrue();
                assertThat(operation.path("responses").has("403")).as("%s documents 403", name).isTrue();
            }
            Matcher params = Pattern.compile("\\{(\\w+)}").matcher(path.getKey());
            while (params.find()) {
                assertThat(resolve(doc, operation.path("parameters")).findValuesAsText("name")).as(name).contains(params.group(1));
            }
        }));
        assertReferencesResolve(doc, doc);
    }

    @Test
    void recordSchemasHaveExactlyTheFieldsTheServerSends() {
        JsonNode schemas = document().path("components").path("schemas");
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "schema.wav");
        JsonNode transcription = SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"schema check\", \"language\": \"en\"}").send().expect(201).json();
        JsonNode translation = SERVER.post("/v1/transcriptions/" + transcription.path("id").asText() + "/translations")
                .as(Role.WORKER).json("{\"content\": \"x\", \"target_language\": \"de\"}").send().expect(201).json();
        JsonNode result = SERVER.post("/v1/results").as(Role.WORKER)
                .json("[{\"audio_file_id\": \"" + audio + "\", \"analysis_type\": \"t\", \"result\": 1}]").send().expect(201).json()
                .path("items").get(0);
        JsonNode text = SERVER.post("/v1/texts?name=s.txt").as(Role.INGEST).body("text/plain", "hi".getBytes()).send().expect(201).json();
        JsonNode hit = SERVER.get("/v1/search?q=schema").as(Role.READ).send().expect(200).json().path("items").get(0);
        JsonNode key = SERVER.get("/v1/keys").as(Role.ADMIN).send().expect(200).json().path("items").get(0);
        JsonNode problem = SERVER.get("/v1/audio/x").as(Role.READ).send().json();
        JsonNode created = SERVER.post("/v1/keys").as(Role.ADMIN).json("{\"role\": \"read\", \"name\": \"schema\"}").send()
                .expect(201).json();
        JsonNode claimed = SERVER.post("/v1/audio/claim").as(Role.WORKER)
                .json("{\"from_status\": \"uploaded\", \"to_status\": \"processing\", \"limit\": 1, \"lease_seconds\": 60}")
                .send().expect(200).json().path("items").get(0);
        Map<String, JsonNode> samples = Map.ofEntries(Map.entry("AudioFile", SERVER.get("/v1/audio/" + audio).as(Role.READ).send().json()),
                Map.entry("Transcription", transcription), Map.entry("Translation", translation), Map.entry("AnalysisResult", result),
                Map.entry("TextDocument", text), Map.entry("SearchHit", hit), Map.entry("ApiKey", key), Map.entry("Problem", problem),
                Map.entry("CreatedApiKey", created), Map.entry("ClaimedAudioFile", claimed));
        JsonNode doc = document();
        samples.forEach((name, sample) -> {
            List<String> sent = new ArrayList<>();
            sample.fieldNames().forEachRemaining(sent::add);
            List<String> described = new ArrayList<>();
            collectProperties(doc, schemas.path(name), described);
            assertThat(sent).as("fields of %s", name).containsExactlyInAnyOrderElementsOf(described);
        });
    }

    /** In JSON Schema a part of an allOf that closes itself refuses the fields the other parts add. */
    @Test
    void partsOfComposedSchemasAreLeftOpen() {
        JsonNode doc = document();
        doc.path("components").path("schemas").properties().forEach(schema -> schema.getValue().path("allOf").forEach(part -> {
            JsonNode resolved = part.has("$ref") ? doc.at(part.path("$ref").asText().substring(1)) : part;
            assertThat(resolved.path("additionalProperties").asBoolean(true)).as("a part of %s", schema.getKey()).isTrue();
            assertThat(resolved.path("unevaluatedProperties").asBoolean(true)).as("a part of %s", schema.getKey()).isTrue();
        }));
    }

    /** The properties a schema allows: its own and those of the parts it is composed of. */
    private static void collectProperties(JsonNode doc, JsonNode schema, List<String> into) {
        JsonNode resolved = schema.has("$ref") ? doc.at(schema.path("$ref").asText().substring(1)) : schema;
        resolved.path("properties").fieldNames().forEachRemaining(into::add);
        resolved.path("allOf").forEach(part -> collectProperties(doc, part, into));
    }

    private static JsonNode document() {
        Reply reply = SERVER.get("/openapi.json").send().expect(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        return reply.json();
    }

    /** Parameters may be references; returns them resolved. */
    private static JsonNode resolve(JsonNode doc, JsonNode parameters) {
        var resolved = dev.pipestore.json.RecordJson.MAPPER.createArrayNode();
        parameters.forEach(p -> resolved.add(p.has("$ref") ? doc.at(p.path("$ref").asText().substring(1)) : p));
        return resolved;
    }

    private static void assertReferencesResolve(JsonNode doc, JsonNode node) {
        if (node.has("$ref")) {
            String ref = node.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            assertReferencesResolve(doc, children.next());
        }
    }
}
