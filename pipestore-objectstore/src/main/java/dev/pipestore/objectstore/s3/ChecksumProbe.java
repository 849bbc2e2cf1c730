package dev.pipestore.objectstore.s3;

import dev.pipestore.objectstore.ObjectKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Asks the server, once per store, whether it checks {@code x-amz-checksum-sha256}: a small put under
 * {@value #KEY_PREFIX}... whose header does not match its body. A server that checks refuses it (400 BadDigest) and
 * stores nothing; then a put's own SHA-256 header may stand in for signing its body (see
 * {@link ChecksummedPayloadSigner}). A server that stores it anyway ignores the header, and bodies stay signed.
 */
final class ChecksumProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ChecksumProbe.class);

    /** At the top of the bucket: S3Proxy leaves the folders of a refused put behind, and the bucket then cannot be deleted. */
    static final String KEY_PREFIX = ".pipestore-checksum-probe-";

    static final byte[] BODY = "pipestore checks that the server checks SHA-256".getBytes(StandardCharsets.US_ASCII);

    private ChecksumProbe() {}

    /** Whether the server refuses a body that does not match its SHA-256 header; the probe leaves no object. */
    static boolean refusesWrongSha256(S3Client client, String bucket) {
        return refuses(client, bucket, sha256Base64("not the body".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Puts the probe's body under {@code claimedSha256}: true when the server refuses it as not matching. */
    static boolean refuses(S3Client client, String bucket, String claimedSha256) {
        String key = KEY_PREFIX + UUID.randomUUID();
        try {
            client.putObject(b -> b.bucket(bucket).key(key).checksumSHA256(claimedSha256), RequestBody.fromBytes(BODY));
        } catch (S3Exception e) {
            if (S3Errors.isChecksumMismatch(e)) {
                return true;
            }
            // No write permission, or no unsigned bodies over plain HTTP: keep signing, which every S3 server checks.
            LOG.info("bucket {} - the checksum probe was refused ({} {}); request bodies stay signed", bucket,
                    e.statusCode(), S3Errors.errorCode(e));
            return false;
        } catch (SdkException e) {
            LOG.info("bucket {} - the checksum probe failed ({}); request bodies stay signed", bucket, e.toString());
            return false;
        }
        LOG.warn("bucket {} - the server stored a put whose x-amz-checksum-sha256 did not match its body: it does not check"
                + " SHA-256 checksums, so request bodies stay signed chunk by chunk and damage on the way is still refused",
                bucket);
        delete(client, bucket, key);
        return false;
    }

    private static void delete(S3Client client, String bucket, String key) {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            LOG.warn("bucket {} - could not delete the checksum probe {}: {}", bucket, ObjectKeys.printable(key), e.toString());
        }
    }

    static String sha256Base64(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
