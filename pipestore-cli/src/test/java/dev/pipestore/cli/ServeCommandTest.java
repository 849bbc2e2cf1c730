package dev.pipestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.catalog.Metadata;
import dev.pipestore.testing.audio.TestAudio;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipestore serve} as an operator runs it, in a child JVM with nothing configured: it prints its URL, creates
 * the first admin key on the very first start only, serves with it, and stops gracefully on SIGTERM, letting requests
 * in flight finish.
 */
@Timeout(120)
class ServeCommandTest {

    private static final Pattern URL = Pattern.compile("pipestore API on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dataDir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void firstStartCreatesAnAdminKeyServesWithItAndStopsOnSigterm() throws Exception {
        Process serve = start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        URI base = URI.create(match(out.readLine(), URL));
        String keyLine = out.readLine();
        Path keyFile = dataDir.resolve("admin.key");
        assertThat(keyLine).contains("First start").contains(keyFile.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String secret = Files.readString(keyFile).strip();

        HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, base.resolve("/health"), null).statusCode()).isEqualTo(200);
        assertThat(get(http, base.resolve("/v1/keys"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> keys = get(http, base.resolve("/v1/keys"), secret);
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).contains("first-start admin");

        sigterm(serve);
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        assertThat(out.readLine()).isEqualTo("pipestore API stopped");

        Process again = start();
        BufferedReader againOut = new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8));
        URI second = URI.create(match(againOut.readLine(), URL));
        assertThat(get(http, second.resolve("/v1/keys"), secret).statusCode()).isEqualTo(200);
        sigterm(again);
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(againOut.readLine()).as("no second admin key").isEqualTo("pipestore API stopped");
        assertThat(Files.readString(keyFile).strip()).isEqualTo(secret);
    }

    @Test
    void sigtermLetsADownloadInFlightFinishWhole() throws Exception {
        Process serve = start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        URI base = URI.create(match(out.readLine(), URL));
        out.readLine();
        String secret = Files.readString(dataDir.resolve("admin.key")).strip();
        // Larger than the socket buffers on both sides, so the server is still writing when it is told to stop.
        byte[] wav = TestAudio.wav(330, 16000);
        HttpResponse<String> uploaded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/audio?name=long.wav"))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = Metadata.MAPPER.readTree(uploaded.body()).get("id").asText();

        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(32 * 1024);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            socket.getOutputStream().write(("GET /v1/audio/" + id + "/content HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + secret + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            received.write(in.readNBytes(64 * 1024));
            sigterm(serve);
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) != -1; ) {
                received.write(chunk, 0, n);
                Thread.sleep(30);
            }
            byte[] response = received.toByteArray();
            String text = new String(response, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith("HTTP/1.1 200");
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            assertThat(Arrays.copyOfRange(response, bodyStart, response.length)).as("the whole body").isEqualTo(wav);
        }
        assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
    }

    @Test
    void aTakenPortIsReportedAsAFailure() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliProcess.Result result = CliProcess.run(java.util.Map.of("PIPESTORE_DATA_DIR", dataDir.toString()), "serve",
                    "--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("pipestore:").contains(Integer.toString(taken.getLocalPort()));
        }
    }

    private Process start() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("PIPESTORE_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** What Ctrl-C or a service manager sends; Process.destroy would also close our end of its output. */
    private static void sigterm(Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static HttpResponse<String> get(HttpClient http, URI uri, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String match(String line, Pattern pattern) {
        assertThat(line).isNotNull();
        Matcher m = pattern.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1);
    }
}
