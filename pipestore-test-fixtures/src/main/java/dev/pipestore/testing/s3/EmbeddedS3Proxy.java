package dev.pipestore.testing.s3;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.Constants;

/** One S3Proxy server running in this JVM over real HTTP, keeping its buckets as directories under a data directory. */
public final class EmbeddedS3Proxy implements AutoCloseable {

    /** The region S3Proxy pretends to be in; any region works with it, this one needs no location constraint on AWS. */
    public static final String REGION = "us-east-1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy server;
    private final BlobStore blobStore;
    private final URI endpoint;
    private final Path dataDir;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Proxy(S3Proxy server, BlobStore blobStore, URI endpoint, Path dataDir, String accessKey, String secretKey) {
        this.server = server;
        this.blobStore = blobStore;
        this.endpoint = endpoint;
        this.dataDir = dataDir;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * Starts S3Proxy on {@code host:port} ({@code port} 0 picks a free one) with the {@code filesystem-nio2} backend in
     * {@code dataDir}, accepting AWS signature v2 and v4 with the given keys.
     */
    public static EmbeddedS3Proxy start(String host, int port, Path dataDir, String accessKey, String secretKey) {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        QuietServerLogs.apply();
        try {
            Files.createDirectories(dataDir);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
            properties.setProperty(Constants.PROPERTY_IDENTITY, accessKey);
            properties.setProperty(Constants.PROPERTY_CREDENTIAL, secretKey);
            BlobStore blobStore = BlobStores.create("filesystem-nio2", properties);
            S3Proxy server = S3Proxy.builder()
                    .blobStore(blobStore)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .endpoint(URI.create("http://" + host + ":" + port))
                    // Stopping at JVM exit must not wait for idle keep-alive connections.
                    .stopTimeout(1_000)
                    .build();
            server.start();
            awaitStarted(server, host);
            URI endpoint = URI.create("http://" + host + ":" + server.getPort());
            return new EmbeddedS3Proxy(server, blobStore, endpoint, dataDir, accessKey, secretKey);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start on " + host + ":" + port + " with data in " + dataDir + ": " + e, e);
        }
    }

    private static void awaitStarted(S3Proxy server, String host) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!"STARTED".equals(server.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy on " + host + " still " + server.getState() + " after " + START_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    /** {@code http://127.0.0.1:<port>}: what an S3 client takes as its endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return REGION;
    }

    /** Where the buckets live on disk, one directory each. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            server.stop();
            blobStore.close();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy at " + endpoint + " did not stop cleanly: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "S3Proxy " + endpoint + " (data in " + dataDir + ")";
    }
}
