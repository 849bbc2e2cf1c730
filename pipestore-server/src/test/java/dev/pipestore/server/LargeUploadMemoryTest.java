package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.json.RecordJson;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 300 MiB upload, raw and as a form, into a server whose heap is capped at {@value #HEAP_MIB} MiB (serial collector):
 * it only succeeds if the body streams through to disk instead of being held in memory, and what survives collections
 * stays far below the cap.
 */
@Timeout(300)
class LargeUploadMemoryTest {

    static final int HEAP_MIB = 64;
    static final long SIZE = 300L * 1024 * 1024;

    @TempDir
    Path dataDir;

    private Process child;
    private BufferedReader childOut;
    private URI base;
    private String key;

    @BeforeEach
    void startChild() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        child = new ProcessBuilder(java, "-Xmx" + HEAP_MIB + "m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ChildServer.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        childOut = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String[] ready = awaitLine("READY ").split(" ");
        base = URI.create("http://127.0.0.1:" + ready[1]);
        key = ready[2];
    }

    @AfterEach
    void stopChild() {
        if (child.isAlive()) {
            child.destroyForcibly();
        }
    }

    @Test
    void rawAndFormUploadsOf300MiBStreamThroughASmallHeap() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode raw = upload(http, "/v1/audio?name=big.wav", "audio/wav", SIZE, silentWav(SIZE));
        assertThat(raw.path("file_size").asLong()).isEqualTo(SIZE);

        String boundary = "pipestore-large-upload";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big-form.wav\"\r\nContent-Type: audio/wav\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        InputStream form = new SequenceInputStream(Collections.enumeration(List.of(new ByteArrayInputStream(head),
                silentWav(SIZE - 2), new ByteArrayInputStream(tail))));
        JsonNode multipart = upload(http, "/v1/audio", "multipart/form-data; boundary=" + boundary,
                head.length + (SIZE - 2) + tail.length, form);
        assertThat(multipart.path("file_size").asLong()).isEqualTo(SIZE - 2);
        assertThat(multipart.path("language").asText()).isEqualTo("en");

        child.getOutputStream().close();
        long peak = Long.parseLong(awaitLine("PEAK_HEAP ").split(" ")[1]);
        System.out.printf("child server: peak tenured heap %.1f MiB of %d MiB%n", peak / 1048576.0, HEAP_MIB);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Under a third of the heap: a buffered body of 300 MiB could not fit at all, and even a 64 KiB buffer per
        // read would not move this; what is there is the store, Jetty and Javalin.
        assertThat(peak).as("peak tenured heap, bytes").isLessThan(HEAP_MIB * 1024L * 1024 / 3);
    }

    private JsonNode upload(HttpClient http, String path, String type, long length, InputStream body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), length))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RecordJson.MAPPER.readTree(response.body());
    }

    /** A mono 16-bit 16 kHz WAV of {@code size} bytes in all, made on the fly: a header, then silence. */
    static InputStream silentWav(long size) {
        long data = size - 44;
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (size - 8)).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        InputStream silence = new InputStream() {
            private long left = data;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(header.array()), silence);
    }

    private String awaitLine(String prefix) throws Exception {
        List<String> seen = new ArrayList<>();
        for (String line; (line = childOut.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("the child server ended without printing " + prefix + ": " + seen);
    }
}
