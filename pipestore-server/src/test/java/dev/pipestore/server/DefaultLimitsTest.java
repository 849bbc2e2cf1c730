package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bodies within the server's default size limits are read whole, so what is wrong with them is named by pipestore's
 * own check (the field and its limit), not by a cap of the JSON or multipart parser underneath.
 */
class DefaultLimitsTest {

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness();

    @Test
    void aStringLongerThanJacksonsDefaultCapIsJudgedByThePipestoreRule() {
        String audio = SERVER.upload(TestAudio.wav(1, 8000), "long.wav");
        String content = "a".repeat(21_000_000);

        JsonNode problem = SERVER.post("/v1/audio/" + audio + "/transcriptions").as(Role.WORKER)
                .json("{\"content\": \"" + content + "\", \"language\": \"en\"}").send().problem(400, "content");
        assertThat(problem.path("detail").asText()).doesNotContain("StreamReadConstraints");
        assertThat(SERVER.get("/v1/audio/" + audio + "/transcriptions").as(Role.READ).send().expect(200).json().path("items")).isEmpty();
    }

    @Test
    void aTemporaryValueWithALongStringReadsBackAsItWasStored() {
        String value = "{\"a\": \"" + "x".repeat(20_000_001) + "\"}";
        SERVER.call("PUT", "/v1/temp/long?ttl=60").as(Role.WORKER).json(value).send().expect(204);

        String back = SERVER.get("/v1/temp/long").as(Role.WORKER).send().expect(200).text();
        assertThat(back.replace(" ", "")).isEqualTo(value.replace(" ", ""));
    }

    @Test
    void anOversizedFormFieldIsRefusedNamingIt() {
        String metadata = "{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}";
        JsonNode problem = SERVER.post("/v1/audio").as(Role.INGEST).multipart(new Multipart().field("metadata", metadata)
                .file("file", "form.wav", "audio/wav", TestAudio.wav(1, 8000))).send().problem(400, "metadata");
        assertThat(problem.path("detail").asText()).contains("65536");
        assertThat(SERVER.get("/v1/audio").as(Role.READ).send().expect(200).json().path("items")).hasSize(1);
    }
}
