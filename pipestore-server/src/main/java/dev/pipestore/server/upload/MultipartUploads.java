package dev.pipestore.server.upload;

import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.server.problem.HttpProblem;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code multipart/form-data} uploads with Jetty's parser: the {@code file} part goes to disk past a small
 * threshold (so memory stays flat whatever its size), the other fields are small text. Each request parses into its
 * own directory, removed when the upload is closed or the parse fails, so a form that breaks off leaves nothing behind.
 *
 * <p>Fields: {@code file} (required), {@code metadata} (a JSON object), {@code language}, {@code name} (overrides the
 * file part's file name). Any other field is refused, naming it.
 */
final class MultipartUploads {

    static final Set<String> FIELDS = Set.of("file", "metadata", "language", "name");
    /** Parts above this many bytes are written to disk while parsing. */
    private static final int MEMORY_THRESHOLD = 64 * 1024;
    /** Room for the small fields and part headers beside the file. */
    private static final long FIELDS_ALLOWANCE = Metadata.MAX_BYTES + 64 * 1024;
    private static final String JETTY_MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

    private final SpoolDirectories spool;
    private final long maxBytes;

    MultipartUploads(SpoolDirectories spool, long maxBytes) {
        this.spool = spool;
        this.maxBytes = maxBytes;
    }

    Upload read(Context ctx) {
        Path dir = createRequestDirectory();
        try {
            ctx.req().setAttribute(JETTY_MULTIPART_CONFIG, new MultipartConfigElement(dir.toString(), maxBytes,
                    maxBytes + FIELDS_ALLOWANCE, MEMORY_THRESHOLD));
            Map<String, Part> parts = byName(parse(ctx));
            Part file = parts.get("file");
            if (file == null) {
                throw HttpProblem.malformed("file", "the form has no 'file' part");
            }
            String name = parts.containsKey("name") ? text(parts.get("name")) : file.getSubmittedFileName();
            String metadata = parts.containsKey("metadata") ? text(parts.get("metadata")) : null;
            return new Upload(Uploads.nonEmpty(file.getInputStream()), name, file.getContentType(),
                    parts.containsKey("language") ? text(parts.get("language")) : null,
                    metadata == null ? null : Metadata.parseObject("metadata", metadata), () -> spool.delete(dir));
        } catch (IOException e) {
            spool.delete(dir);
            throw new ClientGoneException("the multipart body could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            spool.delete(dir);
            throw e;
        }
    }

    private Collection<Part> parse(Context ctx) throws IOException {
        try {
            return ctx.req().getParts();
        } catch (ServletException | IllegalStateException e) {
            throw refusal(e);
        } catch (IOException e) {
            RuntimeException refusal = refusal(e);
            if (refusal instanceof HttpProblem) {
                throw refusal;
            }
            throw e;
        }
    }

    /** Jetty reports limits and malformed forms through exception messages only. */
    private RuntimeException refusal(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.startsWith("form is larger than max length")) {
                // Jetty caps the form's text fields together (200,000 bytes); of ours only metadata can be that large.
                return new InvalidInputException("metadata", "the form's fields beside 'file' are larger than Jetty's "
                        + "limit for them; metadata may be at most " + Metadata.MAX_BYTES + " bytes", e);
            }
            if (message.contains("exceeded") || message.contains("too large")) {
                return HttpProblem.payloadTooLarge("file", maxBytes);
            }
        }
        return new InvalidInputException("body", "not a readable multipart/form-data body: " + e.getMessage(), e);
    }

    private static Map<String, Part> byName(Collection<Part> parts) {
        Map<String, Part> byName = new HashMap<>();
        for (Part part : parts) {
            String name = part.getName();
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException(String.valueOf(name), "unknown form field; expected one of file, metadata,"
                        + " language, name");
            }
            if (byName.put(name, part) != null) {
                throw HttpProblem.malformed(name, "appears more than once in the form");
            }
        }
        return byName;
    }

    /**
     * A text field, bounded as {@link Metadata#parseObject} bounds metadata text (64 KiB compact, laid out over up to
     * 256 KiB); the form parser's own cap on one field (about 200 KB) comes first for laid-out text longer than that.
     */
    private static String text(Part part) throws IOException {
        if (part.getSize() > 4L * Metadata.MAX_BYTES) {
            throw new InvalidInputException(part.getName(), "larger than " + Metadata.MAX_BYTES + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path createRequestDirectory() {
        try {
            return spool.create();
        } catch (IOException e) {
            throw new StoreException("cannot create a directory for the upload's form in " + spool + ": "
                    + e.getMessage(), e);
        }
    }
}
