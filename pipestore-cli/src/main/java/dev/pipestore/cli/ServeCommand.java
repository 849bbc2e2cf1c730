package dev.pipestore.cli;

import dev.pipestore.PipeStore;
import dev.pipestore.server.PipestoreServer;
import dev.pipestore.server.ServerSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pipestore serve}: the HTTP API over the configured store, until Ctrl-C or SIGTERM, which stop it gracefully.
 * On the very first start (no API key at all) it creates an admin key and says where its secret is.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API (OpenAPI document at /openapi.json) until Ctrl-C or SIGTERM.",
                       "On the very first start an admin API key is written to admin.key in the data directory."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "TCP port (0: any free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0: every interface).")
    String bind;

    @Option(names = "--shutdown-timeout", paramLabel = "S", defaultValue = "30",
            description = "Seconds requests in flight may take to finish when stopping (default ${DEFAULT-VALUE}).")
    long shutdownSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings = ServerSettings.defaults().withPort(port).withBind(bind)
                .withShutdownTimeout(Duration.ofSeconds(shutdownSeconds));
        PrintWriter out = spec.commandLine().getOut();
        PipeStore store = Stores.open();
        CountDownLatch stopped = new CountDownLatch(1);
        PipestoreServer server;
        try {
            server = PipestoreServer.start(store, settings);
            // After the port is bound, so a start that fails (port taken) leaves no key behind.
            Optional<Path> adminKey = store.apiKeys().ensureAdminKey(store.config().dataDir());
            out.println("pipestore API on " + server.baseUri() + " (OpenAPI: " + server.baseUri() + "/openapi.json)");
            adminKey.ifPresent(file -> out.println("First start: an admin API key was created; its secret is in " + file
                    + " (readable by you only). Send it as 'Authorization: Bearer <key>'."));
            out.flush();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } finally {
                store.close();
                out.println("pipestore API stopped");
                out.flush();
                stopped.countDown();
            }
        }, "pipestore-serve-shutdown"));
        stopped.await();
        return 0;
    }
}
