package dev.pipestore.server;

import dev.pipestore.PipeStore;
import dev.pipestore.StoreException;
import dev.pipestore.server.access.AccessFilter;
import dev.pipestore.server.json.JsonBodies;
import dev.pipestore.server.metrics.HttpServerMetrics;
import dev.pipestore.server.problem.JettyProblemHandler;
import dev.pipestore.server.problem.ProblemMapper;
import dev.pipestore.server.routes.Api;
import dev.pipestore.server.routes.ApiRoutes;
import dev.pipestore.server.routes.QueryParameterCheck;
import dev.pipestore.server.upload.Uploads;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipestore HTTP API on Javalin and Jetty 12, one virtual thread per request. It keeps no state of its own: any
 * number of instances can serve the same backends. It does not own the store; close that after {@link #stop()}.
 *
 * <pre>{@code
 * try (PipeStore store = PipeStore.open(StoreConfig.fromEnv())) {
 *     PipestoreServer server = PipestoreServer.start(store, ServerSettings.defaults());
 *     ...
 *     server.stop();
 * }
 * }</pre>
 */
public final class PipestoreServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipestoreServer.class);

    /** Bytes Jetty reads from a connection at a time. */
    static final int UPLOAD_READ_BYTES = 64 * 1024;

    private final Javalin app;
    private final ServerSettings settings;
    private final GracefulHandler inFlight;
    private final Uploads uploads;

    private PipestoreServer(Javalin app, ServerSettings settings, GracefulHandler inFlight, Uploads uploads) {
        this.app = app;
        this.settings = settings;
        this.inFlight = inFlight;
        this.uploads = uploads;
    }

    /**
     * Starts serving {@code store} as {@code settings} say.
     *
     * @throws StoreException when the address cannot be listened on (the port is taken, or the host has no such
     *     address), saying which
     */
    public static PipestoreServer start(PipeStore store, ServerSettings settings) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        Api api = new Api(store, new JsonBodies(settings.maxJsonBytes()),
                new Uploads(store.config().tempDir().resolve("forms"), settings.maxUploadBytes(), Instant.now()));
        GracefulHandler inFlight = new GracefulHandler();
        Javalin app = Javalin.create(config -> configure(config, api, settings, inFlight));
        try {
            app.start();
        } catch (JavalinBindException e) {
            // Javalin says "port already in use" for any bind failure; a --bind address this host lacks is another.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new StoreException("cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + root.getMessage(), e);
        }
        PipestoreServer server = new PipestoreServer(app, settings, inFlight, api.uploads());
        LOG.info("pipestore API listening on {}", server.baseUri());
        return server;
    }

    private static void configure(JavalinConfig config, Api api, ServerSettings settings, GracefulHandler inFlight) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = true;
        // Content is audio (already compressed) or needs exact Content-Length and ranges: never compress on the fly.
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.http.maxRequestSize = settings.maxJsonBytes();
        config.router.ignoreTrailingSlashes = true;
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> {
            // stop() drains the requests in flight itself (see drain()); Jetty then only closes the connections.
            server.setStopTimeout(0);
            server.insertHandler(inFlight);
            server.setErrorHandler(new JettyProblemHandler());
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(settings.maxHeaderBytes());
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        config.jetty.addConnector((server, http) -> {
            HttpConnectionFactory http11 = new HttpConnectionFactory(http);
            // Uploads are megabytes: Jetty's default 8 KiB reads made a 10 MiB body 1,280 reads through its content chain.
            http11.setInputBufferSize(UPLOAD_READ_BYTES);
            ServerConnector connector = new ServerConnector(server, http11);
            connector.setHost(settings.bind());
            connector.setPort(settings.port());
            connector.setIdleTimeout(settings.idleTimeout().toMillis());
            return connector;
        });
        ProblemMapper problems = new ProblemMapper();
        config.routes.exception(Exception.class, problems::handle);
        // Javalin answers its own exceptions (unknown route, wrong method) unless their class is named here.
        config.routes.exception(HttpResponseException.class, problems::handle);
        // Downloads carry stored bytes under their stored type; browsers must not second-guess it.
        config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        config.routes.beforeMatched(new AccessFilter(api.store().apiKeys()));
        config.routes.beforeMatched(new QueryParameterCheck());
        config.requestLogger.http(new HttpServerMetrics(api.store().meters()));
        for (Api.Routes routes : ApiRoutes.all(api)) {
            routes.register(config.routes);
        }
    }

    /** The port actually listened on, useful when the settings asked for 0. */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port} as clients reach it. */
    public URI baseUri() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        return URI.create("http://" + host + ":" + port());
    }

    /**
     * Answers new requests 503, lets requests in flight finish for up to the settings' shutdown timeout, then stops;
     * requests still running then are cut off (an upload cut off stores nothing, and its form's files go now rather than
     * when its thread notices, which a process exiting next does not wait for).
     */
    public void stop() {
        drain();
        app.stop();
        uploads.deleteUnfinished();
    }

    /**
     * Waits for the requests in flight while every connection keeps its usual idle timeout. Jetty's own graceful stop
     * is not used: it lowers every connection's idle timeout to one second, which cuts off a download whose client
     * reads slowly, as the server's write then waits longer than that for room in the socket.
     */
    private void drain() {
        try {
            inFlight.shutdown().get(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} requests still running after the shutdown timeout of {} are cut off", inFlight.getCurrentRequestCount(),
                    settings.shutdownTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("waiting for requests in flight failed; stopping now", e.getCause());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The Javalin application, for tests that walk the registered routes. */
    Javalin javalin() {
        return app;
    }
}
