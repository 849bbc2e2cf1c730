package dev.pipestore.testing.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private {@code redis-server} on a free loopback port with its own temporary directory and no persistence, for
 * tests that stop and restart Redis; the shared Redis must never be touched that way.
 */
public final class RedisServerProcess implements AutoCloseable {

    /** Longest wait for a server to answer PING after starting. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path directory;
    private final int port;
    private final String password;
    private final Thread killOnExit;
    private Process process;

    private RedisServerProcess(Path directory, int port, String password) {
        this.directory = directory;
        this.port = port;
        this.password = password;
        // A crashed test run must not leave servers behind.
        this.killOnExit = new Thread(this::stop, "redis-server-" + port + "-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts a server without a password. */
    public static RedisServerProcess start() {
        return start(null);
    }

    /** Starts a server that requires {@code password} ({@code requirepass}), or none when it is {@code null}. */
    public static RedisServerProcess start(String password) {
        IllegalStateException failure = null;
        // Another process may grab the free port before redis-server binds it: then try another one.
        for (int attempt = 0; attempt < 3; attempt++) {
            RedisServerProcess server;
            try {
                server = new RedisServerProcess(
                        Files.createTempDirectory("pipestore-redis-"), freeLoopbackPort(), password);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare a redis-server", e);
            }
            try {
                server.restart();
                return server;
            } catch (IllegalStateException e) {
                server.close();
                failure = e;
            }
        }
        throw failure;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server again on the same port (no-op while it runs), and waits until it answers PING. */
    public synchronized void restart() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port),
                "--bind", host(), "--dir", directory.toString(), "--save", "", "--appendonly", "no",
                "--daemonize", "no"));
        if (password != null) {
            command.addAll(List.of("--requirepass", password));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run redis-server (is it on the PATH?)", e);
        }
        awaitPong();
    }

    /** Kills the server at once (SIGKILL), as a crash would, and waits for it to be gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " did not die within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Freezes the server (SIGSTOP): connections stay open but nothing answers, like a hung host or a silent network,
     * which is harder on a client than a refused connection. {@link #thaw()} lets it carry on.
     */
    public synchronized void freeze() {
        signal("-STOP");
    }

    /** Resumes a frozen server (SIGCONT). */
    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (!isRunning()) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " of redis-server on port " + port + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run kill", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling redis-server", e);
        }
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: " + log());
            }
            try (RespClient client = RespClient.connect(host(), port, Duration.ofSeconds(1))) {
                if (password != null) {
                    client.call("AUTH", password);
                }
                if ("PONG".equals(client.call("PING"))) {
                    return;
                }
            } catch (IOException | IllegalStateException e) {
                // Not listening or still loading: try again shortly.
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for redis-server", e);
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer within " + START_TIMEOUT);
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Kills the server and deletes its directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or about to.
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
