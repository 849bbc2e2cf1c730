package dev.pipestore.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.ObjectStoreContract;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.TestContent;
import dev.pipestore.testing.s3.S3ProxyExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The object store contract against S3Proxy over real HTTP on loopback, plus what only S3 has: credentials and a network. */
class S3ObjectStoreTest extends ObjectStoreContract {

    private static final S3ProxyExtension S3 = S3ProxyExtension.shared();

    private final String bucket = S3.newBucketName();

    static S3Settings settings(String bucket) {
        return new S3Settings(S3.endpoint(), S3.region(), S3.accessKey(), S3.secretKey(), bucket);
    }

    @Override
    protected ObjectStore openStore() {
        return S3ObjectStore.open(settings(bucket));
    }

    @Override
    protected String bucket() {
        return bucket;
    }

    @Override
    protected void closeStore() throws Exception {
        super.closeStore();
        S3.deleteBucket(bucket);
    }

    @Test
    void multipartUploadsLeftUnfinishedBeforeTheCutoffAreAborted() {
        try (S3Client client = S3.newClient()) {
            openStore().close();
            String old = client.createMultipartUpload(b -> b.bucket(bucket).key("raw/audio/left.wav")).uploadId();

            assertThat(StaleMultipartUploads.abortBegunBefore(client, bucket, Instant.now().minusSeconds(3600)))
                    .as("begun just now: still in progress, for all we know").isZero();
            assertThat(StaleMultipartUploads.abortBegunBefore(client, bucket, Instant.now().plusSeconds(60))).isOne();

            assertThat(client.listMultipartUploads(b -> b.bucket(bucket)).uploads()).extracting(u -> u.uploadId())
                    .doesNotContain(old);
        }
    }

    @Override
    public void assertNoUnfinishedUploads() {
        try (S3Client client = S3.newClient()) {
            assertThat(client.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        }
    }

    @Test
    void openCreatesAMissingBucket() {
        String fresh = S3.newBucketName();
        try (S3ObjectStore store = S3ObjectStore.open(settings(fresh)); S3Client client = S3.newClient()) {
            client.headBucket(b -> b.bucket(fresh));
            store.ping();
        } finally {
            S3.deleteBucket(fresh);
        }
    }

    @Test
    void openingTwiceOnTheSameBucketIsFine() {
        try (S3ObjectStore again = S3ObjectStore.open(settings(bucket))) {
            again.ping();
        }
    }

    @Test
    void wrongSecretKeyGivesAClearAccessDeniedMessageWithoutTheSecret() {
        String wrongSecret = "wrong-secret-Zq81xT";
        S3Settings settings = new S3Settings(S3.endpoint(), S3.region(), S3.accessKey(), wrongSecret, bucket);

        assertThatThrownBy(() -> S3ObjectStore.open(settings))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("access denied to bucket " + bucket)
                .hasMessageContaining("check the access key '" + S3.accessKey() + "' and the secret key")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(wrongSecret));
    }

    @Test
    void wrongAccessKeyGivesAClearAccessDeniedMessage() {
        S3Settings settings = new S3Settings(S3.endpoint(), S3.region(), "nobody", S3.secretKey(), bucket);

        assertThatThrownBy(() -> S3ObjectStore.open(settings))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("access denied to bucket " + bucket)
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(S3.secretKey()));
    }

    @Test
    void unreachableEndpointFailsFastNamingTheEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
        S3Settings settings = new S3Settings(endpoint, null, "key", "secret-never-shown", bucket);
        Instant start = Instant.now();

        assertThatThrownBy(() -> S3ObjectStore.open(settings))
                .isInstanceOfSatisfying(BackendUnavailableException.class, e -> {
                    assertThat(e.backend()).isEqualTo("s3 " + endpoint + " bucket " + bucket);
                    assertThat(e).hasMessageContaining("cannot reach " + endpoint);
                    assertThat(messagesOf(e)).doesNotContain("secret-never-shown");
                });
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void describeShowsEndpointAndBucketOnly() {
        assertThat(store().describe()).isEqualTo("s3 " + S3.endpoint() + " bucket " + bucket);
        assertThat(store().describe()).doesNotContain(S3.secretKey());
    }

    @Test
    void settingsNeverPrintTheSecret() {
        assertThat(settings(bucket).toString()).doesNotContain(S3.secretKey()).contains("secretKey=***");
        assertThat(settings(bucket).region()).isEqualTo("us-east-1");
        assertThat(new S3Settings(S3.endpoint(), " ", "a", "b", bucket).region()).isEqualTo(S3Settings.DEFAULT_REGION);
    }

    @Test
    void settingsRefuseBucketNamesS3Refuses() {
        for (String name : new String[] {"data_pipeline", "Data", "ab", "-x-", "a..b", "192.168.0.1"}) {
            assertThatThrownBy(() -> settings(name)).isInstanceOf(InvalidInputException.class).hasMessageContaining("bucket");
        }
    }

    @Test
    void singlePartObjectsCarryTheirSha256ForOtherS3Tools() {
        var stored = store().put(key("tagged.txt"), new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)),
                PutOptions.of("text/plain"));

        try (S3Client client = S3.newClient()) {
            Map<String, String> raw = client.headObject(b -> b.bucket(bucket).key(key("tagged.txt"))).metadata();
            assertThat(raw).containsEntry("pipestore-sha256", stored.sha256());
        }
        assertThat(store().head(key("tagged.txt")).orElseThrow().userMetadata()).doesNotContainKey("pipestore-sha256");
    }

    /** The adapter relies on the server checking x-amz-checksum-sha256; this shows S3Proxy does, so the test is real. */
    @Test
    void serverRefusesAnUploadWhoseChecksumDoesNotMatch() {
        String wrong = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="; // SHA-256 of "abc", sent with other content
        try (S3Client client = S3.newClient()) {
            assertThatThrownBy(() -> client.putObject(b -> b.bucket(bucket).key(key("corrupt.txt")).checksumSHA256(wrong),
                    RequestBody.fromString("abd")))
                    .isInstanceOf(S3Exception.class);
            assertThat(store().head(key("corrupt.txt"))).isEmpty();
        }
    }

    @Test
    void bytesCorruptedOnTheWayAreRefusedAsAnIntegrityFailureAndNothingIsStored() throws Exception {
        String key = key("corrupted.bin");
        try (CorruptingProxy proxy = new CorruptingProxy(S3.endpoint());
                S3ObjectStore viaProxy = S3ObjectStore.open(settings(bucket).withEndpoint(proxy.endpoint()))) {
            proxy.corruptByteAfter(50_000);

            // The request head is about a kilobyte and the body goes unchunked, so the flipped byte lands in the content.
            assertThatThrownBy(() -> viaProxy.put(key, TestContent.seeded(31, 200_000), PutOptions.of("audio/wav")))
                    .isInstanceOf(IntegrityException.class).hasMessageContaining(key).hasMessageContaining("nothing was stored");
        }
        assertThat(store().head(key)).isEmpty();
    }

    /**
     * A single put's content is covered by the signed {@code x-amz-checksum-sha256} header the server checks, so it goes
     * out unsigned and unchunked, as over HTTPS: no second SHA-256 pass on either side for the SDK's chunk signatures.
     */
    @Test
    void aSinglePutSendsItsSha256InASignedHeaderAndItsBodyUnsigned() throws Exception {
        String key = key("unsigned.bin");
        try (CorruptingProxy proxy = new CorruptingProxy(S3.endpoint());
                S3ObjectStore viaProxy = S3ObjectStore.open(settings(bucket).withEndpoint(proxy.endpoint()))) {
            String sha256 = viaProxy.put(key, TestContent.seeded(33, 300_000), PutOptions.of("audio/wav")).sha256();

            String sent = proxy.sentText();
            String put = sent.substring(sent.indexOf("PUT /" + bucket + "/" + key));
            String head = put.substring(0, put.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
            assertThat(head).contains("x-amz-content-sha256: unsigned-payload")
                    .contains("x-amz-checksum-sha256: " + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)).toLowerCase(Locale.ROOT))
                    .contains("content-length: 300000")
                    .containsPattern("signedheaders=[^,]*x-amz-checksum-sha256")
                    .doesNotContain("aws-chunked");
            assertThat(sent).doesNotContain("chunk-signature");
            assertThat(TestContent.sha256(store().get(key))).isEqualTo(sha256);
        }
    }

    @Test
    void theProbeTellsAServerThatChecksSha256FromOneThatStoresAMismatchedBody() {
        openStore().close();
        try (S3Client client = S3.newClient()) {
            assertThat(ChecksumProbe.refusesWrongSha256(client, bucket)).as("S3Proxy checks the header").isTrue();
            // A server that ignores the header stores the body whatever it claims; so does one given the right checksum.
            assertThat(ChecksumProbe.refuses(client, bucket, ChecksumProbe.sha256Base64(ChecksumProbe.BODY))).isFalse();

            assertThat(client.listObjectsV2(b -> b.bucket(bucket).prefix(ChecksumProbe.KEY_PREFIX)).contents()).as("no probe left")
                    .isEmpty();
        }
    }

    @Test
    void aBucketOnlyOpenedCanBeDeletedAsItIs() {
        String fresh = S3.newBucketName();
        S3ObjectStore.open(settings(fresh)).close();
        S3ObjectStore.open(settings(fresh)).close();
        try (S3Client client = S3.newClient()) {
            // S3Proxy keeps the folders of a refused put, which would make the empty bucket "not empty".
            client.deleteBucket(b -> b.bucket(fresh));
        }
    }

    @Test
    void onlyAChecksumMismatchShowsThatTheServerChecksTheHeader() {
        assertThat(S3Errors.isChecksumMismatch(refusal("BadDigest"))).as("AWS, S3Proxy").isTrue();
        assertThat(S3Errors.isChecksumMismatch(refusal("XAmzContentChecksumMismatch"))).as("MinIO").isTrue();
        assertThat(S3Errors.isChecksumMismatch(refusal("XAmzContentSHA256Mismatch"))).as("about the signature's hash").isFalse();
        assertThat(S3Errors.isChecksumMismatch(refusal("InvalidDigest"))).as("a malformed value").isFalse();
        assertThat(S3Errors.isChecksumMismatch(refusal("AccessDenied"))).isFalse();
        assertThat(new S3Errors(settings(bucket)).translate(refusal("XAmzContentChecksumMismatch"), "put of x"))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("nothing was stored");
    }

    private static S3Exception refusal(String code) {
        return (S3Exception) S3Exception.builder().statusCode(code.equals("AccessDenied") ? 403 : 400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    /** Until the server has shown it checks the header, a put's body stays signed chunk by chunk. */
    @Test
    void withoutAProbeThatPassedASinglePutStaysSigned() throws Exception {
        String key = key("signed-single.bin");
        ChecksummedPayloadSigner signer = new ChecksummedPayloadSigner();
        try (CorruptingProxy proxy = new CorruptingProxy(S3.endpoint());
                S3Client client = S3Clients.create(settings(bucket).withEndpoint(proxy.endpoint()), signer)) {
            openStore().close();
            byte[] content = TestContent.seeded(35, 100_000).readAllBytes();
            String sha256 = TestContent.sha256Seeded(35, 100_000);
            S3Uploads uploads = new S3Uploads(client, bucket, new S3Errors(settings(bucket)), settings(bucket).readTimeout(),
                    S3Settings.DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND);

            uploads.putBytes(key, content, content.length, PutOptions.of("audio/wav"), sha256);

            assertThat(proxy.sentText()).contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD").contains("chunk-signature=")
                    .doesNotContain("UNSIGNED-PAYLOAD");
            assertThat(TestContent.sha256(store().get(key))).isEqualTo(sha256);
        }
    }

    /** Multipart parts carry a CRC32 in a trailer, not a header the signature covers: their chunks stay signed. */
    @Test
    void partsOfAMultipartPutStaySigned() throws Exception {
        String key = key("signed-parts.bin");
        try (CorruptingProxy proxy = new CorruptingProxy(S3.endpoint());
                S3ObjectStore viaProxy = S3ObjectStore.open(settings(bucket).withEndpoint(proxy.endpoint()))) {
            viaProxy.put(key, TestContent.seeded(34, S3ObjectStore.PART_SIZE + 1000), PutOptions.of("audio/wav"));

            assertThat(proxy.sentText()).contains("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER").contains("chunk-signature=");
        }
    }

    /**
     * S3Proxy stops reading a part whose bytes fail the check and drops the connection; the SDK then sends the part
     * again from the part buffer. Either that retry stores the right bytes, or the put fails and nothing is stored:
     * damaged bytes never become the object.
     */
    @Test
    void bytesCorruptedInAPartNeverBecomeTheObject() throws Exception {
        String key = key("corrupted-large.bin");
        String expected = TestContent.sha256Seeded(32, 20_000_000);
        try (CorruptingProxy proxy = new CorruptingProxy(S3.endpoint());
                S3ObjectStore viaProxy = S3ObjectStore.open(settings(bucket).withEndpoint(proxy.endpoint()))) {
            proxy.corruptByteAfter(9_000_000);

            try {
                assertThat(viaProxy.put(key, TestContent.seeded(32, 20_000_000), PutOptions.of("audio/wav")).sha256()).isEqualTo(expected);
                assertThat(TestContent.sha256(store().get(key))).isEqualTo(expected);
            } catch (IntegrityException e) {
                assertThat(store().head(key)).isEmpty();
            }
        }
        assertNoUnfinishedUploads();
    }

    private static String messagesOf(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                all.append(suppressed).append('\n');
            }
        }
        return all.toString();
    }
}
