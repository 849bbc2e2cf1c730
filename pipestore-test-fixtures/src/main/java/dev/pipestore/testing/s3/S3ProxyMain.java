package dev.pipestore.testing.s3;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs S3Proxy in the foreground for local development, so pipestore can be tried against a real S3 server without
 * MinIO; {@code scripts/s3proxy} starts it.
 *
 * <p>Usage: {@code S3ProxyMain <host> <port> <data-dir>}. The keys are {@code MINIO_ACCESS_KEY} and
 * {@code MINIO_SECRET_KEY} when set, otherwise the seed's {@code minioadmin}/{@code minioadmin}.
 */
public final class S3ProxyMain {

    private static final String DEFAULT_KEY = "minioadmin";

    private S3ProxyMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: S3ProxyMain <host> <port> <data-dir>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path dataDir = Path.of(args[2]).toAbsolutePath().normalize();
        String accessKey = envOr("MINIO_ACCESS_KEY", DEFAULT_KEY);
        String secretKey = System.getenv("MINIO_SECRET_KEY");
        boolean ownSecret = secretKey != null && !secretKey.isEmpty();
        if (!ownSecret) {
            secretKey = DEFAULT_KEY;
        }

        EmbeddedS3Proxy server = EmbeddedS3Proxy.start(host, port, dataDir, accessKey, secretKey);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "s3proxy-shutdown"));

        System.out.println("S3Proxy listening on " + server.endpoint() + ", data in " + dataDir);
        System.out.println("To use it, export:");
        System.out.println("  export MINIO_ENDPOINT=" + server.endpoint().getHost() + ":" + server.endpoint().getPort());
        System.out.println("  export MINIO_ACCESS_KEY=" + accessKey);
        // A secret the user chose stays out of the terminal and its scroll-back; the well-known default may be shown.
        System.out.println(ownSecret ? "  # MINIO_SECRET_KEY: the value already in your environment"
                : "  export MINIO_SECRET_KEY=" + secretKey);
        System.out.println("  export MINIO_SECURE=false");
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
