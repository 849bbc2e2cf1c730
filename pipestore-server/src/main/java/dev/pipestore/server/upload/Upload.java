package dev.pipestore.server.upload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upload as the client sent it: its content, still streaming, and what the client said about it. Closing it
 * removes whatever the request left on disk.
 *
 * @param content the bytes, read through the size guard
 * @param name the original file name, or {@code null} when the client gave none
 * @param contentType the declared MIME type, or {@code null}
 * @param language the {@code language} field, or {@code null}
 * @param metadata the {@code metadata} field, or {@code null}
 * @param cleanup what closing does
 */
public record Upload(InputStream content, String name, String contentType, String language, ObjectNode metadata,
        Runnable cleanup) implements AutoCloseable {

    /** Closes the content, then runs the cleanup even when closing failed. */
    @Override
    public void close() {
        try {
            content.close();
        } catch (IOException e) {
            // the content was a request body or a spooled part; nothing is lost by not closing it cleanly
        } finally {
            cleanup.run();
        }
    }
}
