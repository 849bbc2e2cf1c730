package dev.pipestore.objectstore.fs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the file system cannot keep with an object: its content type, user metadata and SHA-256, stored as a small
 * properties file under {@code .meta/} at the object's relative path.
 *
 * <p>Properties files escape non-Latin-1 characters, so any Unicode metadata value survives unchanged.
 */
record Sidecar(String contentType, Map<String, String> userMetadata, String sha256, long size) {

    /** What {@code head} reports for a file that has no sidecar, such as one copied into the directory by hand. */
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private static final String CONTENT_TYPE = "content-type";
    private static final String SHA256 = "sha256";
    private static final String SIZE = "size";
    private static final String META_PREFIX = "meta.";

    Sidecar {
        userMetadata = Map.copyOf(userMetadata);
    }

    byte[] toBytes() {
        Properties properties = new Properties();
        properties.setProperty(CONTENT_TYPE, contentType);
        properties.setProperty(SHA256, sha256);
        properties.setProperty(SIZE, Long.toString(size));
        userMetadata.forEach((key, value) -> properties.setProperty(META_PREFIX + key, value));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            properties.store(out, "pipestore object metadata");
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The sidecar at {@code path}, or empty when there is none. */
    static Optional<Sidecar> read(Path path) throws IOException {
        if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(path))) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Map<String, String> metadata = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(META_PREFIX)) {
                metadata.put(name.substring(META_PREFIX.length()), properties.getProperty(name));
            }
        }
        return Optional.of(new Sidecar(properties.getProperty(CONTENT_TYPE, DEFAULT_CONTENT_TYPE), metadata,
                properties.getProperty(SHA256, ""), parseSize(properties.getProperty(SIZE, "-1"))));
    }

    private static long parseSize(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            // Only informational (head reads the size from the file itself); a hand-edited sidecar must not break head.
            return -1;
        }
    }
}
