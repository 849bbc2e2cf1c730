package dev.pipestore.server;

import dev.pipestore.catalog.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/** One HTTP request to the server under test, built fluently and sent with the JDK client. */
final class Call {

    private final HttpClient http;
    private final HttpRequest.Builder request;
    private final String method;
    private final Function<Role, String> keys;
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    Call(HttpClient http, URI uri, String method, Function<Role, String> keys) {
        this.http = http;
        this.request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        this.method = method;
        this.keys = keys;
    }

    /** Sends the key of {@code role}. */
    Call as(Role role) {
        return bearer(keys.apply(role));
    }

    Call bearer(String secret) {
        return header("Authorization", "Bearer " + secret);
    }

    Call header(String name, String value) {
        request.header(name, value);
        return this;
    }

    /**
     * Asks the server with {@code Expect: 100-continue} before sending the body, as careful clients of large uploads do:
     * a server that refuses from the headers alone answers before any body byte is sent, so the client cannot be cut
     * off mid-write by the server closing the connection.
     */
    Call expectContinue() {
        request.expectContinue(true);
        return this;
    }

    Call json(String json) {
        header("Content-Type", "application/json");
        body = HttpRequest.BodyPublishers.ofString(json);
        return this;
    }

    Call body(String contentType, byte[] bytes) {
        header("Content-Type", contentType);
        body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        return this;
    }

    Call stream(String contentType, Supplier<InputStream> bytes) {
        header("Content-Type", contentType);
        body = HttpRequest.BodyPublishers.ofInputStream(bytes);
        return this;
    }

    Call multipart(Multipart form) {
        header("Content-Type", form.contentType());
        body = HttpRequest.BodyPublishers.ofByteArray(form.bytes());
        return this;
    }

    Reply send() {
        try {
            HttpResponse<byte[]> response = http.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + request.build().uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and returns the body as text, for requests whose only interest is the answer. */
    String text() {
        return new String(send().body(), StandardCharsets.UTF_8);
    }
}
