package dev.pipestore.testing.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Gives tests a real S3 server on loopback: one in-process S3Proxy per JVM, started on first use on 127.0.0.1 with an
 * ephemeral port and stopped at JVM exit.
 *
 * <p>Use it as {@code @ExtendWith(S3ProxyExtension.class)} with an {@code S3ProxyExtension} test parameter, as
 * {@code @RegisterExtension static final S3ProxyExtension S3 = S3ProxyExtension.shared()}, or just call
 * {@link #shared()}. Each test class should work in its own {@link #newBucketName() bucket} and
 * {@link #deleteBucket(String) delete} it afterwards.
 */
public final class S3ProxyExtension implements BeforeAllCallback, ParameterResolver {

    /** The access key S3Proxy accepts. */
    public static final String ACCESS_KEY = "pipestore-test-access";

    /** The secret key S3Proxy accepts; a test value, not a secret. */
    public static final String SECRET_KEY = "pipestore-test-secret-3f9c1d7e";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The instance JUnit creates for {@code @ExtendWith}; every instance talks to the same server. */
    public S3ProxyExtension() {}

    /** The extension over the JVM's one S3Proxy, starting it if this is the first use. */
    public static S3ProxyExtension shared() {
        Shared.SERVER.endpoint();
        return new S3ProxyExtension();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Shared.SERVER.endpoint();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == S3ProxyExtension.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return Shared.SERVER.endpoint();
    }

    public String accessKey() {
        return Shared.SERVER.accessKey();
    }

    public String secretKey() {
        return Shared.SERVER.secretKey();
    }

    public String region() {
        return Shared.SERVER.region();
    }

    /** A random bucket name that is valid for S3 and not used yet, for example {@code pipestore-test-3fa9c0e1d2b4a678}. */
    public String newBucketName() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return "pipestore-test-" + HexFormat.of().formatHex(bytes);
    }

    /** A plain AWS SDK client for this server, to look behind an adapter's back; the caller closes it. */
    public S3Client newClient() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.of(region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey(), secretKey())))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    /** Removes {@code bucket} with everything in it, including unfinished multipart uploads; a missing bucket is fine. */
    public void deleteBucket(String bucket) {
        try (S3Client client = newClient()) {
            S3Buckets.deleteWithContents(client, bucket, Shared.SERVER.dataDir().resolve(bucket));
        }
    }

    /** Holds the one server; the JVM creates it on first access, which makes the start thread-safe and lazy. */
    private static final class Shared {

        static final EmbeddedS3Proxy SERVER = start();

        private static EmbeddedS3Proxy start() {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("pipestore-s3proxy-");
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temporary directory for S3Proxy: " + e, e);
            }
            EmbeddedS3Proxy server = EmbeddedS3Proxy.start("127.0.0.1", 0, dataDir, ACCESS_KEY, SECRET_KEY);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteTree(dataDir);
            }, "s3proxy-shutdown"));
            return server;
        }

        private static void deleteTree(Path root) {
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // The JVM is exiting and the directory is under the system temp directory: leaving it is harmless.
            }
        }
    }
}
