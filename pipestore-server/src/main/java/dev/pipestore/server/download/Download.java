package dev.pipestore.server.download;

import dev.pipestore.IntegrityException;
import dev.pipestore.NotFoundException;
import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.VerifiedContent;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Streams stored content to the client: {@code ETag} (the SHA-256), {@code If-None-Match} (304), one {@code Range}
 * (206 with {@code Content-Range}, honouring {@code If-Range}), and always an exact {@code Content-Length}, so a body
 * that breaks off is seen as short by the client. Only the requested bytes are read from the object store, and none
 * for {@code HEAD}.
 *
 * @param objectKey where the bytes are
 * @param size their length
 * @param sha256 their SHA-256, lower-case hex
 * @param contentType what to serve them as
 * @param fileName the name offered to save them under
 */
public record Download(String objectKey, long size, String sha256, String contentType, String fileName) {

    public Download {
        Objects.requireNonNull(objectKey, "objectKey");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(fileName, "fileName");
    }

    public void send(Context ctx, ObjectStore objects) {
        String tag = EntityTags.of(sha256);
        if (EntityTags.noneMatchHits(ctx.header("If-None-Match"), tag)) {
            // A cache refreshes its stored headers from a 304: they must describe the content, not the empty answer.
            ctx.header("ETag", tag);
            ctx.header("Accept-Ranges", "bytes");
            ctx.status(304);
            ctx.contentType(contentType);
            ctx.res().setContentLengthLong(size);
            return;
        }
        Optional<ByteRange> range = EntityTags.ifRangeHolds(ctx.header("If-Range"), tag)
                ? RangeHeader.parse(ctx.header("Range"), size)
                : Optional.empty();
        ByteRange bytes = range.orElse(ByteRange.ALL);
        long length = bytes.lengthWithin(size);
        // Opened before any header is set, so a failure is still a whole problem answer, not a body cut short. HEAD
        // reads nothing but still asks the store, so it answers as GET would.
        InputStream content = ctx.method() == HandlerType.HEAD ? requireObject(objects) : open(objects, bytes);
        ctx.header("ETag", tag);
        ctx.header("Accept-Ranges", "bytes");
        if (range.isPresent()) {
            ctx.status(206);
            ctx.header("Content-Range", "bytes " + bytes.first() + "-" + (bytes.first() + length - 1) + "/" + size);
        }
        ctx.header("Content-Disposition", ContentDisposition.attachment(fileName));
        ctx.contentType(contentType);
        ctx.res().setContentLengthLong(length);
        if (content != null) {
            ctx.result(content);
        }
    }

    private InputStream requireObject(ObjectStore objects) {
        if (objects.head(objectKey).isEmpty()) {
            throw missing(null);
        }
        return null;
    }

    /** A record whose object is gone breaks invariant 2: that is the server's fault (500, logged), not a missing record. */
    private InputStream open(ObjectStore objects, ByteRange bytes) {
        try {
            InputStream content = objects.get(objectKey, bytes);
            // A whole download is checked on the way out; damaged bytes cut the response short, which the client sees.
            return bytes.isAll() ? new VerifiedContent(content, size, sha256, fileName + " (object " + objectKey + ")") : content;
        } catch (NotFoundException e) {
            throw missing(e);
        }
    }

    /** For the clip, which reads the same object its own way. */
    public static MissingObjectException missingObject(String fileName, String objectKey, NotFoundException cause) {
        return new MissingObjectException("the catalog lists " + fileName + " but its object " + objectKey
                + " is missing from the object store", cause);
    }

    private MissingObjectException missing(NotFoundException cause) {
        return missingObject(fileName, objectKey, cause);
    }

    /**
     * The record was read but its object is not there. Either the record was deleted in between (row first, then
     * object), which the caller tells by reading the record again and answers 404, or invariant 2 is broken (500).
     */
    public static final class MissingObjectException extends IntegrityException {

        MissingObjectException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
