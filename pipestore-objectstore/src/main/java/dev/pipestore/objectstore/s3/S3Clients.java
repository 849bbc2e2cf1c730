package dev.pipestore.objectstore.s3;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the AWS SDK client an {@link S3ObjectStore} uses: plain S3 that MinIO, AWS and S3Proxy all speak. */
final class S3Clients {

    /** A server that does not accept a connection in this time is down; failing fast lets the caller answer 503. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** One attempt of one request, enough for a {@value S3ObjectStore#PART_SIZE}-byte part over a slow link. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(2);

    /** One request with all its retries. */
    static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    /** Enough for a server's worth of pipeline workers; the SDK's default of 50 is also per client. */
    static final int MAX_CONNECTIONS = 64;

    private S3Clients() {}

    /** @param signer signs requests in place of the SDK's SigV4 signer */
    static S3Client create(S3Settings settings, ChecksummedPayloadSigner signer) {
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                // Path-style (http://host/bucket/key) works with every server; virtual hosts need DNS that MinIO setups lack.
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .putAuthScheme(signer.authScheme())
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(settings.readTimeout())
                        .maxConnections(MAX_CONNECTIONS))
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(ATTEMPT_TIMEOUT).apiCallTimeout(CALL_TIMEOUT))
                .build();
    }
}
