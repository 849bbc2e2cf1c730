package dev.pipestore.server.upload;

import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.ingest.DeclaredLength;
import dev.pipestore.server.problem.HttpProblem;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Reads an upload from a request, as a raw body ({@code ?name=} or a {@code Content-Disposition} filename,
 * {@code ?language=}, {@code ?metadata=}) or as
 * {@code multipart/form-data}, without holding the content in memory.
 */
public final class Uploads {

    private final SpoolDirectories spool;
    private final MultipartUploads multipart;
    private final long maxBytes;

    /**
     * @param spoolDir where multipart file parts are written while the form is parsed; each request gets its own, and
     *     those a killed process left are swept here once a day old
     */
    public Uploads(Path spoolDir, long maxBytes, Instant now) {
        this.spool = new SpoolDirectories(spoolDir);
        spool.deleteStale(now);
        this.multipart = new MultipartUploads(spool, maxBytes);
        this.maxBytes = maxBytes;
    }

    /** Deletes the form directories of requests still running; call once the server has stopped. */
    public void deleteUnfinished() {
        spool.deleteHeld();
    }

    /**
     * The upload in {@code ctx}'s body.
     *
     * @param rawTypes which raw {@code Content-Type}s the route reads, for example audio ones
     * @param expected how to name them in a 415 problem
     */
    public Upload read(Context ctx, Predicate<String> rawTypes, String expected) {
        String type = ctx.header("Content-Type");
        String media = mediaType(type);
        if (media.equals("multipart/form-data")) {
            refuseDeclaredOversize(ctx);
            return multipart.read(ctx);
        }
        if (!rawTypes.test(media)) {
            throw HttpProblem.unsupportedMediaType(type, expected + " or multipart/form-data");
        }
        refuseDeclaredOversize(ctx);
        String metadata = ctx.queryParam("metadata");
        return new Upload(nonEmpty(rawBody(ctx)), rawName(ctx), type, ctx.queryParam("language"),
                metadata == null ? null : Metadata.parseObject("metadata", metadata), () -> {});
    }

    /** {@code ?name=}, or the {@code filename} of a {@code Content-Disposition} header; both only when they agree. */
    private static String rawName(Context ctx) {
        String query = ctx.queryParam("name");
        String header = DispositionName.of(ctx.header(DispositionName.HEADER)).orElse(null);
        if (query != null && header != null && !query.equals(header)) {
            throw new InvalidInputException("name", "?name= says '" + query + "' but " + DispositionName.HEADER + " says '"
                    + header + "'; give the name once");
        }
        return query != null ? query : header;
    }

    /** The media type without parameters, lower case; empty when there is none. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** A declared length over the limit is refused before a byte is read. */
    private void refuseDeclaredOversize(Context ctx) {
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw HttpProblem.payloadTooLarge("body", maxBytes);
        }
    }

    private InputStream rawBody(Context ctx) {
        try {
            return new BoundedBody(ctx.req().getInputStream(), maxBytes, "body", ctx.req().getContentLengthLong());
        } catch (IOException e) {
            throw new ClientGoneException("the request body could not be opened: " + e.getMessage(), e);
        }
    }

    /** Refuses an empty body here, as a 400, before the library would call it a zero-byte file (422). */
    static InputStream nonEmpty(InputStream content) {
        PeekedBody peekable = new PeekedBody(content);
        try {
            int first = peekable.read();
            if (first == -1) {
                throw new InvalidInputException("body", "is empty; send the file's bytes");
            }
            peekable.unread(first);
            return peekable;
        } catch (IOException e) {
            throw new ClientGoneException("the request body could not be read: " + e.getMessage(), e);
        }
    }

    /** A body with its first byte read and put back, still telling its declared length. */
    private static final class PeekedBody extends PushbackInputStream implements DeclaredLength {

        PeekedBody(InputStream body) {
            super(body, 1);
        }

        @Override
        public long declaredRemaining() {
            long rest = in instanceof DeclaredLength declared ? declared.declaredRemaining() : -1;
            return rest < 0 ? -1 : rest + (buf.length - pos);
        }
    }
}
