package dev.pipestore.objectstore.s3;

import dev.pipestore.InvalidInputException;
import dev.pipestore.config.ConfigKeys;
import dev.pipestore.config.ObjectStoreConfig;
import dev.pipestore.objectstore.internal.BucketNames;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an {@link S3ObjectStore} connects and with which keys.
 *
 * @param endpoint {@code http://host:port} or {@code https://host:port} of the S3 server (MinIO, AWS, S3Proxy)
 * @param region signing region; {@code null} or blank means {@value #DEFAULT_REGION}
 * @param accessKey access key id
 * @param secretKey secret key; never printed, not even by {@link #toString()}
 * @param bucket the bucket the store works in, created when missing
 * @param readTimeout longest wait for the server's next bytes before an attempt fails (the SDK tries up to four times in all)
 * @param minUploadBytesPerSecond the slowest an upload may go: an attempt to send a body gets the read timeout plus the
 *     body at this rate (a hung server stops taking a body, which no read timeout sees)
 */
public record S3Settings(URI endpoint, String region, String accessKey, String secretKey, String bucket, Duration readTimeout,
        long minUploadBytesPerSecond) {

    /** The region used when none is given; MinIO and S3Proxy accept any, and on AWS it needs no location constraint. */
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * Longest silence on an open connection, as {@code MINIO_READ_TIMEOUT} defaults to; generous because a busy MinIO
     * can pause while it flushes a part.
     */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(ConfigKeys.DEFAULT_S3_READ_TIMEOUT_SECONDS);

    /** 1 MiB/s: slower than a remote site's uplink is rare, and an attempt never gets less than before for large bodies. */
    public static final long DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND = 1024L * 1024;

    /** Settings with the {@link #DEFAULT_READ_TIMEOUT}. */
    public S3Settings(URI endpoint, String region, String accessKey, String secretKey, String bucket) {
        this(endpoint, region, accessKey, secretKey, bucket, DEFAULT_READ_TIMEOUT);
    }

    /** Settings with the {@link #DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND}. */
    public S3Settings(URI endpoint, String region, String accessKey, String secretKey, String bucket, Duration readTimeout) {
        this(endpoint, region, accessKey, secretKey, bucket, readTimeout, DEFAULT_MIN_UPLOAD_BYTES_PER_SECOND);
    }

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
            throw new InvalidInputException("endpoint", "'" + endpoint + "' is not an http:// or https:// URL with a host");
        }
        if (endpoint.getRawUserInfo() != null) {
            // Credentials in the URL would end up in every message that names the endpoint.
            throw new InvalidInputException("endpoint", "must not contain credentials; give them as access key and secret key");
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
        if (accessKey == null || accessKey.isEmpty()) {
            throw new InvalidInputException("accessKey", "must not be empty");
        }
        if (secretKey == null || secretKey.isEmpty()) {
            throw new InvalidInputException("secretKey", "must not be empty");
        }
        BucketNames.requireValid(bucket);
        if (readTimeout == null || readTimeout.toMillis() < 1) {
            throw new InvalidInputException("readTimeout", "must be at least 1 ms, got " + readTimeout);
        }
        if (minUploadBytesPerSecond < 1) {
            throw new InvalidInputException("minUploadBytesPerSecond", "must be at least 1, got " + minUploadBytesPerSecond);
        }
    }

    /** The settings of a configured S3 endpoint ({@code MINIO_*} and {@code PIPESTORE_BUCKET}). */
    public static S3Settings from(ObjectStoreConfig.S3 config) {
        return new S3Settings(config.endpoint(), config.region(), config.accessKey(), config.secretKey(), config.bucket(),
                config.readTimeout());
    }

    /** The same settings for another bucket. */
    public S3Settings withBucket(String otherBucket) {
        return new S3Settings(endpoint, region, accessKey, secretKey, otherBucket, readTimeout, minUploadBytesPerSecond);
    }

    /** The same settings for another endpoint, such as a second site holding the replica. */
    public S3Settings withEndpoint(URI otherEndpoint) {
        return new S3Settings(otherEndpoint, region, accessKey, secretKey, bucket, readTimeout, minUploadBytesPerSecond);
    }

    /** The same settings with another {@code readTimeout}. */
    public S3Settings withReadTimeout(Duration value) {
        return new S3Settings(endpoint, region, accessKey, secretKey, bucket, value, minUploadBytesPerSecond);
    }

    /** The same settings with another {@code minUploadBytesPerSecond}. */
    public S3Settings withMinUploadBytesPerSecond(long value) {
        return new S3Settings(endpoint, region, accessKey, secretKey, bucket, readTimeout, value);
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                + bucket + ", readTimeout=" + readTimeout + ", minUploadBytesPerSecond=" + minUploadBytesPerSecond + "]";
    }
}
