package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JSON body within the server's size limit (32 MiB by default) is read whole however long one string in it is, so
 * what is wrong with it is named by the check that refuses it, not by the JSON parser's own caps.
 */
class LargeJsonBodyTest {

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
}
