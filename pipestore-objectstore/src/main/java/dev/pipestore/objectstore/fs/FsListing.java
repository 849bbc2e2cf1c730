package dev.pipestore.objectstore.fs;

import dev.pipestore.InvalidInputException;
import dev.pipestore.objectstore.ObjectPage;
import dev.pipestore.objectstore.ObjectSummary;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Lists keys by prefix in S3's order (UTF-8 bytes, which is code point order) with S3's paging: a page ends after
 * {@code maxKeys} keys and the continuation token stands for the last key returned.
 *
 * <p>It walks only the directories that can hold matching keys after the continuation point, each sorted by the keys
 * it stands for (a directory {@code a} as {@code a/}), so the walk meets keys in order. The token is the base64url of
 * the last key, so paging stays correct while other writers add or remove keys.
 */
final class FsListing {

    /** S3 orders keys by their UTF-8 bytes, which is the order of their code points (not of Java's UTF-16 units). */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private record Entry(String sortKey, Path path, BasicFileAttributes attributes) {}

    private final FsLayout layout;

    FsListing(FsLayout layout) {
        this.layout = layout;
    }

    ObjectPage list(String prefix, String continuation, int maxKeys) throws IOException {
        String startAfter = continuation == null ? null : keyOfToken(continuation);
        String dirKey = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        List<ObjectSummary> found = new ArrayList<>(Math.min(maxKeys + 1, 1024));
        walk(layout.directoryOf(dirKey), dirKey, prefix, startAfter, maxKeys + 1, found);
        if (found.size() <= maxKeys) {
            return new ObjectPage(found, null);
        }
        List<ObjectSummary> page = found.subList(0, maxKeys);
        return new ObjectPage(page, tokenOf(page.getLast().key()));
    }

    /** Adds matching keys under {@code dir} to {@code found}; returns false once it holds {@code limit} keys. */
    private boolean walk(Path dir, String dirKey, String prefix, String startAfter, int limit, List<ObjectSummary> found)
            throws IOException {
        for (Entry entry : entries(dir, dirKey)) {
            String key = entry.sortKey();
            if (entry.attributes().isDirectory()) {
                boolean mayMatch = key.startsWith(prefix) || prefix.startsWith(key);
                boolean allBefore = startAfter != null && KEY_ORDER.compare(key, startAfter) < 0 && !startAfter.startsWith(key);
                if (mayMatch && !allBefore && !walk(entry.path(), key, prefix, startAfter, limit, found)) {
                    return false;
                }
            } else if (key.startsWith(prefix) && (startAfter == null || KEY_ORDER.compare(key, startAfter) > 0)) {
                found.add(new ObjectSummary(key, entry.attributes().size(), entry.attributes().lastModifiedTime().toInstant()));
                if (found.size() >= limit) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The keys and sub-directories of {@code dir}, in key order; a sub-directory sorts as its key plus {@code /}. */
    private static List<Entry> entries(Path dir, String dirKey) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                boolean folderMarker = name.equals(FsLayout.FOLDER) && !dirKey.isEmpty();
                String segment = FsLayout.segmentOf(name);
                if (segment == null && !folderMarker) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (folderMarker && attributes.isRegularFile()) {
                    entries.add(new Entry(dirKey, child, attributes));
                } else if (!folderMarker && attributes.isDirectory()) {
                    entries.add(new Entry(dirKey + segment + "/", child, attributes));
                } else if (!folderMarker && attributes.isRegularFile()) {
                    entries.add(new Entry(dirKey + segment, child, attributes));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        entries.sort(Comparator.comparing(Entry::sortKey, KEY_ORDER));
        return entries;
    }

    static String tokenOf(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String keyOfToken(String token) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new InvalidInputException("continuation", "'" + token + "' is not a continuation token this store issued", e);
        }
    }
}
