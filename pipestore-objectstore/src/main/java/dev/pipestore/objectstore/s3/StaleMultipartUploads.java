package dev.pipestore.objectstore.s3;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Multipart uploads a stopped process left unfinished: invisible to object listings, so the orphan sweep cannot see
 * them, yet their parts take space until aborted. The store aborts those begun more than {@link #AGE} ago when it
 * opens, as an AbortIncompleteMultipartUpload lifecycle rule would; an upload still in progress is far younger.
 */
final class StaleMultipartUploads {

    static final Duration AGE = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(StaleMultipartUploads.class);

    private StaleMultipartUploads() {}

    /** Aborts the bucket's multipart uploads begun before {@code cutoff}; returns how many. Never fails the caller. */
    static int abortBegunBefore(S3Client client, String bucket, Instant cutoff) {
        int aborted = 0;
        try {
            for (MultipartUpload upload : client.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(cutoff)) {
                    client.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    aborted++;
                }
            }
        } catch (SdkException e) {
            // Some S3-compatible servers cannot list uploads; a lifecycle rule on the bucket does the same job there.
            LOG.warn("could not look for unfinished multipart uploads in bucket {}: {}", bucket, e.getMessage());
        }
        if (aborted > 0) {
            LOG.info("aborted {} multipart uploads in bucket {} left unfinished since before {}", aborted, bucket, cutoff);
        }
        return aborted;
    }
}
