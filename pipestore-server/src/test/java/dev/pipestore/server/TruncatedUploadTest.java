package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Uploads that break off mid-body, sent over a raw socket so the request really is cut: the client closing the
 * connection, and the client going silent until the idle timeout. Either way nothing is stored, no row is written, and
 * no temporary file is left in the data directory.
 */
class TruncatedUploadTest {

    @RegisterExtension
    // No upload memory: every upload is spooled, so a cut upload's temporary file is there to be cleaned up.
    static final ServerHarness SERVER = new ServerHarness(Map.of("PIPESTORE_UPLOAD_MEMORY_BYTES", "0"),
            s -> s.withIdleTimeout(Duration.ofSeconds(2)));

    private static final byte[] WAV = TestAudio.wav(20, 16000);

    @AfterEach
    void nothingIsLeftBehind() throws Exception {
        awaitNoFiles(SERVER.dataDir().resolve("tmp"));
        assertThat(SERVER.store().audio().list(AudioFileQuery.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(files(SERVER.dataDir().resolve("objects"))).isEmpty();
        SERVER.get("/health").send().expect(200);
    }

    @Test
    void rawUploadCutByTheClientStoresNothing() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("POST /v1/audio?name=cut.wav", "audio/wav", WAV.length));
            out.write(WAV, 0, WAV.length / 3);
            out.flush();
            Thread.sleep(200);
        }
    }

    @Test
    void rawUploadThatStallsIsDroppedAtTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("POST /v1/audio?name=stall.wav", "audio/wav", WAV.length));
            out.write(WAV, 0, WAV.length / 2);
            out.flush();
            awaitSomeFile(SERVER.dataDir().resolve("tmp"));
            socket.setSoTimeout(10_000);
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            // Jetty closes the idle connection; whatever it manages to say first must not be success.
            assertThat(answer).doesNotStartWith("HTTP/1.1 201");
        }
    }

    @Test
    void multipartUploadCutInTheFilePartStoresNothing() throws Exception {
        byte[] form = new Multipart().field("language", "en").file("file", "cut.wav", "audio/wav", WAV).bytes();
        String boundary = new String(form, 2, form.length - 2, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("POST /v1/audio", "multipart/form-data; boundary=" + boundary, form.length));
            out.write(form, 0, form.length / 2);
            out.flush();
            Thread.sleep(200);
        }
    }

    private static Socket connect() throws IOException {
        return new Socket(SERVER.server().baseUri().getHost(), SERVER.server().port());
    }

    private static byte[] headers(String requestLine, String contentType, long length) {
        return (requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SERVER.key(Role.INGEST)
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The server notices the cut on its own schedule; give it a few seconds, no more. */
    private static void awaitNoFiles(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!files(dir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(files(dir)).as("files left in %s", dir).isEmpty();
    }

    /** Proves the upload was being spooled when it stalled, so the clean directory afterwards means something. */
    private static void awaitSomeFile(Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (files(dir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(files(dir)).as("the spooled upload in %s", dir).isNotEmpty();
    }

    /** The regular files under {@code dir}, read again when the server removes a directory while they are listed. */
    private static List<Path> files(Path dir) throws IOException {
        while (true) {
            if (!Files.exists(dir)) {
                return List.of();
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                return paths.filter(Files::isRegularFile).toList();
            } catch (NoSuchFileException e) {
                // dir itself went between the check and the walk: look again
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException)) {
                    throw e;
                }
            }
        }
    }

}
