package dev.pipestore.objectstore.fs;

import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import dev.pipestore.objectstore.ObjectKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where each key lives on disk, and which names on disk are keys.
 *
 * <p>Under {@code root/bucket/} a key's object is the file at the key's path, so people can find and copy the data
 * with ordinary tools. Names beginning with exactly one dot are the store's own: {@code .staging/} (writes in
 * progress), {@code .meta/} (sidecars, at the same relative path as their object) and {@code .folder} (the object of
 * a key ending in {@code /}). To keep every valid key free to use, a key segment that begins with a dot is stored with
 * one more dot ({@code .env} is {@code ..env} on disk), so no key can ever name one of these.
 */
final class FsLayout {

    static final String STAGING = ".staging";
    static final String META = ".meta";
    static final String FOLDER = ".folder";

    /** The longest file name Linux, macOS and Windows file systems accept, in bytes. */
    static final int MAX_NAME_BYTES = 255;

    private final Path bucketDir;
    private final Path metaDir;
    private final Path stagingDir;

    FsLayout(Path bucketDir) {
        this.bucketDir = bucketDir;
        this.metaDir = bucketDir.resolve(META);
        this.stagingDir = bucketDir.resolve(STAGING);
    }

    Path bucketDir() {
        return bucketDir;
    }

    Path metaDir() {
        return metaDir;
    }

    Path stagingDir() {
        return stagingDir;
    }

    /** The file holding the object of {@code key}, which must be valid. */
    Path objectPath(String key) {
        return resolve(bucketDir, key);
    }

    /** The sidecar holding the content type and user metadata of {@code key}. */
    Path metaPath(String key) {
        return resolve(metaDir, key);
    }

    /** The directory holding keys that start with {@code prefix} up to its last {@code /}, for listing. */
    Path directoryOf(String prefixUpToSlash) {
        return prefixUpToSlash.isEmpty() ? bucketDir : resolve(bucketDir, prefixUpToSlash).getParent();
    }

    /** The key whose object would be at {@code objectPath}, for messages about what is in the way. */
    String keyOf(Path objectPath) {
        StringBuilder key = new StringBuilder();
        for (Path name : bucketDir.relativize(objectPath)) {
            String segment = segmentOf(name.toString());
            key.append(key.isEmpty() ? "" : "/").append(segment == null ? name.toString() : segment);
        }
        return key.toString();
    }

    /** The key segment a name on disk stands for, or {@code null} when the name is the store's own or foreign. */
    static String segmentOf(String name) {
        if (name.startsWith("..")) {
            return name.substring(1);
        }
        return name.startsWith(".") ? null : name;
    }

    private static Path resolve(Path base, String key) {
        ObjectKeys.requireValid(key);
        Path path = base;
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean folderMarker = i == segments.length - 1 && segments[i].isEmpty();
            try {
                path = path.resolve(folderMarker ? FOLDER : nameOf(segments[i], key));
            } catch (InvalidPathException e) {
                // Java encodes file names in the locale's charset; under the C locale that is ASCII.
                throw new StoreException("the file system cannot take the name of object " + ObjectKeys.printable(key)
                        + " in this JVM's file-name encoding (" + System.getProperty("sun.jnu.encoding")
                        + "); run pipestore under a UTF-8 locale, for example LC_ALL=C.UTF-8", e);
            }
        }
        // ObjectKeys already forbids '..' and absolute keys; this guards against any gap between its rules and the OS.
        if (!path.normalize().startsWith(base) || path.equals(base)) {
            throw new InvalidInputException("key", "resolves outside the bucket directory: " + ObjectKeys.printable(key));
        }
        return path;
    }

    private static String nameOf(String segment, String key) {
        String name = segment.startsWith(".") ? "." + segment : segment;
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new InvalidInputException("key", "segment '" + ObjectKeys.printable(segment.substring(0, Math.min(segment.length(), 40))) + "...' of "
                    + ObjectKeys.printable(key.substring(0, Math.min(key.length(), 80))) + " is longer than the "
                    + MAX_NAME_BYTES + " bytes the file-system store allows for one segment");
        }
        return name;
    }
}
