package dev.pipestore.objectstore.s3;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.IntegrityException;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the S3 failures a caller can act on into pipestore exceptions, keeping the SDK's exception as the cause.
 *
 * <p>Only expected failures are translated: refused credentials, an unreachable or overloaded server, a missing
 * bucket, a checksum the server rejected. Anything else is returned unchanged for the caller to rethrow, as a bug to see, not to hide.
 */
final class S3Errors {

    /** Content that did not match what came with it: AWS and S3Proxy say BadDigest, MinIO XAmzContentChecksumMismatch. */
    private static final Set<String> CHECKSUM_MISMATCHES = Set.of("BadDigest", "XAmzContentChecksumMismatch");
    private static final Set<String> DIGEST_ERRORS = Set.of("BadDigest", "XAmzContentChecksumMismatch", "InvalidDigest",
            "XAmzContentSHA256Mismatch");
    private static final Set<Integer> UNAVAILABLE = Set.of(500, 502, 503, 504);

    private final S3Settings settings;
    private final String backend;

    S3Errors(S3Settings settings) {
        this.settings = settings;
        this.backend = "s3 " + settings.endpoint() + " bucket " + settings.bucket();
    }

    /** The store as people should read it in a message: endpoint and bucket, never a key. */
    String backend() {
        return backend;
    }

    /** The exception to throw for {@code e}, which happened during {@code action} (for example "get of raw/x.wav"). */
    RuntimeException translate(SdkException e, String action) {
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = errorCode(s3);
            if (status == 403) {
                return new BackendUnavailableException(backend, "access denied to bucket " + settings.bucket() + " during " + action
                        + " (" + status + " " + code + "): check the access key '" + settings.accessKey()
                        + "' and the secret key", e);
            }
            if ("NoSuchBucket".equals(code)) {
                return new BackendUnavailableException(backend, "bucket " + settings.bucket() + " does not exist (removed after "
                        + "the store was opened?) during " + action, e);
            }
            if (DIGEST_ERRORS.contains(code)) {
                return new IntegrityException("bucket " + settings.bucket() + " - " + action + ": the server received other bytes "
                        + "than were sent (" + status + " " + code + "); nothing was stored", e);
            }
            if (UNAVAILABLE.contains(status)) {
                return new BackendUnavailableException(backend, action + " failed after retries (" + status + " " + code + ")", e);
            }
            return e;
        }
        if (e instanceof SdkClientException) {
            return new BackendUnavailableException(backend, "cannot reach " + settings.endpoint() + " for " + action + ": "
                    + rootMessage(e), e);
        }
        return e;
    }

    /**
     * The server refused the content for not matching its {@code x-amz-checksum-*} header: not a malformed value
     * (InvalidDigest), nor a body that missed its signature's hash (XAmzContentSHA256Mismatch).
     */
    static boolean isChecksumMismatch(S3Exception e) {
        return CHECKSUM_MISMATCHES.contains(errorCode(e));
    }

    static String errorCode(S3Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? "no error code" : code;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
