package dev.pipestore.objectstore.s3;

import dev.pipestore.BackendUnavailableException;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Checks that the store's bucket is there and reachable, and creates it on first use. */
final class S3Buckets {

    private final S3Client client;
    private final S3Settings settings;
    private final S3Errors errors;

    S3Buckets(S3Client client, S3Settings settings, S3Errors errors) {
        this.client = client;
        this.settings = settings;
        this.errors = errors;
    }

    /** Creates the bucket unless it exists; safe when several instances start at once. */
    void ensureExists() {
        if (exists()) {
            return;
        }
        try {
            client.createBucket(b -> {
                b.bucket(settings.bucket());
                // AWS wants the region spelled out everywhere but in us-east-1; MinIO and S3Proxy accept either.
                if (!S3Settings.DEFAULT_REGION.equals(settings.region())) {
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(settings.region())));
                }
            });
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // Another instance created it first, or the name is taken: the check below tells which.
            requireReachable();
        } catch (SdkException e) {
            throw bucketFailure(e, "creation of bucket " + settings.bucket());
        }
    }

    /** Throws unless the bucket exists and the keys may use it. */
    void requireReachable() {
        requireReachableWithin(null);
    }

    /** As {@link #requireReachable()}, all attempts together bounded by {@code timeout} ({@code null}: the client's). */
    void requireReachableWithin(Duration timeout) {
        if (!exists(timeout)) {
            throw new BackendUnavailableException(errors.backend(), "bucket " + settings.bucket() + " does not exist", null);
        }
    }

    private boolean exists() {
        return exists(null);
    }

    private boolean exists(Duration timeout) {
        try {
            client.headBucket(b -> {
                b.bucket(settings.bucket());
                if (timeout != null) {
                    b.overrideConfiguration(o -> o.apiCallTimeout(timeout));
                }
            });
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw bucketFailure(e, "check of bucket " + settings.bucket());
        } catch (SdkException e) {
            throw bucketFailure(e, "check of bucket " + settings.bucket());
        }
    }

    /**
     * What an unexpected answer to the bucket check means: the first request to the endpoint, so a status S3 does not
     * give here (400, 501, a 301 to another region) says the endpoint or the region is wrong, not that pipestore is.
     */
    private RuntimeException bucketFailure(SdkException e, String action) {
        RuntimeException translated = errors.translate(e, action);
        if (translated instanceof S3Exception s3) {
            return new BackendUnavailableException(errors.backend(), "the server answered the " + action + " with "
                    + s3.statusCode() + " " + S3Errors.errorCode(s3) + ": is the endpoint an S3 server, and is "
                    + settings.region() + " its region?", e);
        }
        return translated;
    }
}
