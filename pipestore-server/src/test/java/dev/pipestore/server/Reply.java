package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.json.RecordJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A response from the server under test, with the checks most tests make. */
record Reply(HttpResponse<byte[]> response) {

    int status() {
        return response.statusCode();
    }

    byte[] body() {
        return response.body();
    }

    String text() {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    JsonNode json() {
        try {
            return RecordJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (" + status() + "): " + text(), e);
        }
    }

    /** Asserts the status, showing the body when it differs. */
    Reply expect(int status) {
        assertThat(status()).as("%s %s -> %s", response.request().method(), response.request().uri(), text()).isEqualTo(status);
        return this;
    }

    /** Asserts an RFC 9457 problem with this status, and returns its body. */
    JsonNode problem(int status) {
        expect(status);
        assertThat(header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("urn:pipestore:problem:");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(text()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("ps_");
        return problem;
    }

    /** Asserts a problem naming {@code field}. */
    JsonNode problem(int status, String field) {
        JsonNode problem = problem(status);
        assertThat(problem.path("field").asText()).as(text()).isEqualTo(field);
        return problem;
    }
}
