package dev.pipestore.objectstore.s3;

import dev.pipestore.IntegrityException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.objectstore.ObjectKeys;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import dev.pipestore.objectstore.internal.ContentReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Streams one put to S3: a single PutObject when the content fits in one part, otherwise a multipart upload that
 * reuses one part buffer and is aborted on any failure, so a failed put never leaves an object or a pending upload.
 *
 * <p>Integrity: a single-part put sends the SHA-256 computed while reading as {@code x-amz-checksum-sha256}, which the
 * server checks against what it received before storing anything (S3Proxy answers 400 BadDigest); each part of a
 * multipart upload carries a CRC32 the server checks, and the completion lists them. Either way damaged bytes end in
 * an {@link IntegrityException} and nothing stored.
 */
final class S3Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(S3Uploads.class);

    /** S3 allows at most this many parts in one upload. */
    static final int MAX_PARTS = 10_000;

    private final S3Client client;
    private final String bucket;
    private final Duration readTimeout;
    private final long minUploadBytesPerSecond;
    private final S3Errors errors;

    /**
     * @param readTimeout the wait for the server's next bytes; an upload's attempt gets that plus its transfer time at
     *     {@code minUploadBytesPerSecond}
     */
    S3Uploads(S3Client client, String bucket, S3Errors errors, Duration readTimeout, long minUploadBytesPerSecond) {
        this.client = client;
        this.bucket = bucket;
        this.errors = errors;
        this.readTimeout = readTimeout;
        this.minUploadBytesPerSecond = minUploadBytesPerSecond;
    }

    /**
     * How long one attempt to send {@code bytes} may take: the read timeout, plus the bytes at the slowest rate an
     * upload may go, at most the client's attempt timeout. The socket's read timeout cannot see a
     * write the server stopped taking (a hung server, its buffers full), which otherwise waited out two minutes per
     * attempt, four attempts in all.
     */
    Duration attemptTimeout(long bytes) {
        Duration transfer = Duration.ofMillis(Math.max(0, bytes) * 1000 / minUploadBytesPerSecond);
        Duration attempt = readTimeout.plus(transfer);
        return attempt.compareTo(S3Clients.ATTEMPT_TIMEOUT) < 0 ? attempt : S3Clients.ATTEMPT_TIMEOUT;
    }

    StoredObject put(String key, InputStream content, PutOptions options) {
        ContentReader reader = new ContentReader(key, content, options.expectedLength());
        PartBuffer buffer = new PartBuffer(S3ObjectStore.PART_SIZE, options.expectedLength());
        if (buffer.fill(reader)) {
            String sha256 = reader.finish();
            putSingle(key, buffer, options, sha256);
            return new StoredObject(key, reader.consumed(), sha256);
        }
        return putMultipart(key, reader, buffer, options);
    }

    /**
     * One PutObject streamed from the file: no part buffer on the heap, no second hash, and none of a multipart
     * upload's extra requests and server-side reassembly. The server checks the caller's SHA-256.
     */
    StoredObject putFile(String key, Path file, long size, PutOptions options, String sha256) {
        putChecked(key, size, options, sha256, RequestBody.fromFile(file), " from a file");
        return new StoredObject(key, size, sha256);
    }

    /** One PutObject streamed from the caller's array (not copied, as {@code RequestBody.fromBytes} would), checked like {@link #putFile}. */
    StoredObject putBytes(String key, byte[] content, int length, PutOptions options, String sha256) {
        RequestBody body = RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, 0, length), length,
                options.contentType());
        putChecked(key, length, options, sha256, body, "");
        return new StoredObject(key, length, sha256);
    }

    private void putChecked(String key, long size, PutOptions options, String sha256, RequestBody body, String source) {
        try {
            client.putObject(b -> b.bucket(bucket).key(key)
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout(size)))
                    .contentType(options.contentType())
                    .contentLength(size)
                    .metadata(S3Metadata.toHeaders(options.userMetadata(), sha256))
                    .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))),
                    body);
        } catch (SdkException e) {
            throw uploadFailure(e, "put of " + ObjectKeys.printable(key) + source);
        }
    }

    private void putSingle(String key, PartBuffer buffer, PutOptions options, String sha256) {
        try {
            client.putObject(b -> b.bucket(bucket).key(key)
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout(buffer.length())))
                    .contentType(options.contentType())
                    .contentLength((long) buffer.length())
                    .metadata(S3Metadata.toHeaders(options.userMetadata(), sha256))
                    .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256))),
                    buffer.body(options.contentType()));
        } catch (SdkException e) {
            throw uploadFailure(e, "put of " + ObjectKeys.printable(key));
        }
    }

    private StoredObject putMultipart(String key, ContentReader reader, PartBuffer buffer, PutOptions options) {
        String action = "multipart put of " + ObjectKeys.printable(key);
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)
                    .contentType(options.contentType())
                    .metadata(S3Metadata.toHeaders(options.userMetadata(), null))
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        } catch (SdkException e) {
            throw errors.translate(e, action);
        }
        try {
            List<CompletedPart> parts = new ArrayList<>();
            boolean ended = false;
            while (true) {
                int partNumber = parts.size() + 1;
                if (partNumber > MAX_PARTS) {
                    throw new InvalidInputException("content", "key " + ObjectKeys.printable(key) + ": larger than "
                            + MAX_PARTS + " parts of " + S3ObjectStore.PART_SIZE + " bytes");
                }
                parts.add(uploadPart(key, uploadId, partNumber, buffer, options.contentType()));
                if (ended) {
                    break;
                }
                ended = buffer.fill(reader);
            }
            String sha256 = reader.finish();
            client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return new StoredObject(key, reader.consumed(), sha256);
        } catch (RuntimeException | Error e) {
            abort(key, uploadId, e);
            if (e instanceof SdkException sdk) {
                throw uploadFailure(sdk, action);
            }
            throw e;
        }
    }

    private CompletedPart uploadPart(String key, String uploadId, int partNumber, PartBuffer buffer, String contentType) {
        UploadPartResponse response = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout(buffer.length())))
                .partNumber(partNumber)
                .contentLength((long) buffer.length())
                .checksumAlgorithm(ChecksumAlgorithm.CRC32),
                buffer.body(contentType));
        return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).checksumCRC32(response.checksumCRC32()).build();
    }

    /**
     * Over plain HTTP the SDK signs a part's content chunk by chunk, so bytes damaged on the way fail the signature check
     * (403 SignatureDoesNotMatch), which reads like wrong keys. (A single put's content goes unsigned: its signed SHA-256
     * header is checked instead, see {@link ChecksummedPayloadSigner}.) When the same keys still work for a request without a
     * body, the keys are right and the content is what changed.
     */
    private RuntimeException uploadFailure(SdkException e, String action) {
        if (e instanceof S3Exception s3 && s3.statusCode() == 403 && "SignatureDoesNotMatch".equals(S3Errors.errorCode(s3))
                && keysAccepted()) {
            return new IntegrityException("bucket " + bucket + " - " + action + ": the server received other bytes than were "
                    + "sent (403 SignatureDoesNotMatch on the content, while the keys are accepted); nothing was stored", e);
        }
        return errors.translate(e, action);
    }

    private boolean keysAccepted() {
        try {
            client.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    private void abort(String key, String uploadId, Throwable failure) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            // The put already failed for a better reason. A pending upload holds space until aborted; an S3 lifecycle rule
            // (AbortIncompleteMultipartUpload) on the bucket removes the ones a crash or an outage leaves behind.
            failure.addSuppressed(e);
            LOG.warn("bucket {} - could not abort multipart upload {} of {}: {}", bucket, uploadId, ObjectKeys.printable(key), e.toString());
        }
    }
}
