package dev.pipestore.objectstore.s3;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.StoreException;
import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.ChecksummedUploads;
import dev.pipestore.objectstore.ObjectInfo;
import dev.pipestore.objectstore.ObjectKeys;
import dev.pipestore.objectstore.ObjectPage;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.ObjectSummary;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import dev.pipestore.objectstore.internal.RequestChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The object store port over the S3 protocol (AWS SDK v2): one bucket on MinIO, AWS S3, Ceph or S3Proxy.
 *
 * <p>Thread-safe. Each put in flight holds one part buffer of up to {@value #PART_SIZE} bytes (less when the content is
 * known to be smaller); gets stream straight from the connection.
 */
public final class S3ObjectStore implements ObjectStore, ChecksummedUploads {

    /** The longest {@link #ping()} takes. */
    public static final Duration PING_TIMEOUT = Duration.ofSeconds(5);

    /** Content up to this size goes up in one request; larger content in parts of this size. */
    public static final int PART_SIZE = 8 * 1024 * 1024;

    /** Files up to this size go up in one request from {@link #putFile}; S3 allows 5 GiB, retries cost the whole file. */
    public static final long SINGLE_PUT_FILE_LIMIT = 1024L * 1024 * 1024;

    private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final S3Client client;
    private final S3Settings settings;
    private final S3Errors errors;
    private final S3Uploads uploads;
    private volatile boolean closed;

    private S3ObjectStore(S3Client client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
        this.errors = new S3Errors(settings);
        this.uploads = new S3Uploads(client, settings.bucket(), errors, settings.readTimeout(),
                settings.minUploadBytesPerSecond());
    }

    /**
     * Connects to {@code settings.endpoint()} and creates the bucket when it is missing.
     *
     * @throws BackendUnavailableException if the server does not answer or refuses the keys
     */
    public static S3ObjectStore open(S3Settings settings) {
        ChecksummedPayloadSigner signer = new ChecksummedPayloadSigner();
        S3Client client = S3Clients.create(settings, signer);
        S3ObjectStore store = new S3ObjectStore(client, settings);
        try {
            new S3Buckets(client, settings, store.errors).ensureExists();
            StaleMultipartUploads.abortBegunBefore(client, settings.bucket(), Instant.now().minus(StaleMultipartUploads.AGE));
            if ("http".equalsIgnoreCase(settings.endpoint().getScheme())) {
                signer.unsignedBodies(true);
                signer.unsignedBodies(ChecksumProbe.refusesWrongSha256(client, settings.bucket()));
            }
            return store;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public StoredObject put(String key, InputStream content, PutOptions options) {
        requireOpen("put");
        ObjectKeys.requireValid(key);
        RequestChecks.requireAllowedMetadata(options);
        return uploads.put(key, content, options);
    }

    @Override
    public StoredObject putFile(String key, Path file, PutOptions options, String sha256) {
        requireOpen("putFile");
        ObjectKeys.requireValid(key);
        RequestChecks.requireAllowedMetadata(options);
        RequestChecks.requireSha256(sha256);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InvalidInputException("file", "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size > SINGLE_PUT_FILE_LIMIT || (options.expectedLength() != -1 && options.expectedLength() != size)) {
            try (InputStream content = Files.newInputStream(file)) {
                return put(key, content, options);
            } catch (IOException e) {
                throw new InvalidInputException("file", "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return uploads.putFile(key, file, size, options, sha256);
    }

    @Override
    public StoredObject putBytes(String key, byte[] content, int length, PutOptions options, String sha256) {
        requireOpen("putBytes");
        ObjectKeys.requireValid(key);
        RequestChecks.requireAllowedMetadata(options);
        RequestChecks.requireSha256(sha256);
        RequestChecks.requireLength(key, content, length, options);
        return uploads.putBytes(key, content, length, options, sha256);
    }

    @Override
    public InputStream get(String key, ByteRange range) {
        requireOpen("get");
        ObjectKeys.requireValid(key);
        String header = range.isAll() ? null : range.toHttpHeader();
        try {
            return new AbortingInputStream(client.getObject(b -> b.bucket(settings.bucket()).key(key).range(header)));
        } catch (NoSuchKeyException e) {
            throw new NotFoundException("object", key);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                throw new InvalidInputException("range", header + " starts at or past the end of object " + ObjectKeys.printable(key), e);
            }
            throw errors.translate(e, "get of " + ObjectKeys.printable(key));
        } catch (SdkException e) {
            throw errors.translate(e, "get of " + ObjectKeys.printable(key));
        }
    }

    @Override
    public Optional<ObjectInfo> head(String key) {
        requireOpen("head");
        ObjectKeys.requireValid(key);
        HeadObjectResponse response;
        try {
            response = client.headObject(b -> b.bucket(settings.bucket()).key(key));
        } catch (S3Exception e) {
            // A HEAD answer has no body, so a missing key is only its 404 status.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw errors.translate(e, "head of " + ObjectKeys.printable(key));
        } catch (SdkException e) {
            throw errors.translate(e, "head of " + ObjectKeys.printable(key));
        }
        String contentType = response.contentType() == null ? DEFAULT_CONTENT_TYPE : response.contentType();
        return Optional.of(new ObjectInfo(key, response.contentLength(), contentType, response.lastModified(),
                S3Metadata.fromHeaders(response.metadata())));
    }

    @Override
    public void delete(String key) {
        requireOpen("delete");
        ObjectKeys.requireValid(key);
        try {
            client.deleteObject(b -> b.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            throw errors.translate(e, "delete of " + ObjectKeys.printable(key));
        }
    }

    @Override
    public ObjectPage list(String prefix, String continuation, int maxKeys) {
        requireOpen("list");
        String checkedPrefix = ObjectKeys.requireValidPrefix(prefix);
        RequestChecks.requireMaxKeys(maxKeys);
        ListObjectsV2Response page;
        try {
            page = client.listObjectsV2(b -> b.bucket(settings.bucket())
                    .prefix(checkedPrefix.isEmpty() ? null : checkedPrefix)
                    .continuationToken(continuation)
                    .maxKeys(maxKeys));
        } catch (S3Exception e) {
            if (continuation != null && e.statusCode() == 400) {
                throw new InvalidInputException("continuation", "the server refused the continuation token ("
                        + S3Errors.errorCode(e) + "); start the listing again", e);
            }
            throw errors.translate(e, "list of '" + checkedPrefix + "'");
        } catch (SdkException e) {
            throw errors.translate(e, "list of '" + checkedPrefix + "'");
        }
        var objects = page.contents().stream().map(o -> new ObjectSummary(o.key(), o.size(), o.lastModified())).toList();
        return new ObjectPage(objects, Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
    }

    /**
     * Checks the bucket within {@link #PING_TIMEOUT}, retries included: a readiness probe must answer while a silent
     * server would hold an ordinary call for minutes (four attempts of the read timeout each).
     */
    @Override
    public void ping() {
        requireOpen("ping");
        new S3Buckets(client, settings, errors).requireReachableWithin(PING_TIMEOUT);
    }

    @Override
    public String describe() {
        return errors.backend();
    }

    /** After {@link #close}, a call is the caller's mistake: say so, rather than fail as an outage or go on working. */
    private void requireOpen(String operation) {
        if (closed) {
            throw new StoreException("object store " + describe() + " is closed; cannot " + operation);
        }
    }

    @Override
    public void close() {
        closed = true;
        client.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + describe() + "]";
    }
}
