package dev.pipestore.audio.internal;

import dev.pipestore.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses content whose detected format contradicts the upload's file name extension or declared MIME type, so a
 * mislabelled file is caught at the door instead of confusing every stage after it.
 */
public final class DeclaredTypes {

    /** Types that say "some bytes" and so claim nothing. */
    private static final Set<String> NO_CLAIM = Set.of("application/octet-stream", "binary/octet-stream",
            "application/x-octet-stream");
    /** Extensions of audio and video formats we do not accept: a file named so claims to be something else. */
    private static final Set<String> OTHER_MEDIA = Set.of("aif", "aiff", "aifc", "wma", "wmv", "webm", "weba", "mka",
            "mkv", "amr", "ape", "wv", "ac3", "caf", "au", "snd", "mid", "midi", "mov", "avi", "3gp", "ra", "dsf");

    private DeclaredTypes() {
    }

    /**
     * Checks {@code name}'s extension (field "file") and {@code contentType} (field "content_type") against the
     * detected format; a null or blank value claims nothing. {@code label} names the file in messages.
     */
    public static void check(AudioFormat detected, String name, String contentType, String label) {
        String extension = extension(name);
        if (extension != null && !detected.extensions().contains(extension) && isMediaExtension(extension)) {
            throw new InvalidInputException("file", Messages.format("%s: content is %s but the name says .%s", label,
                    detected.displayName(), extension));
        }
        String type = mimeType(contentType);
        if (type != null && !NO_CLAIM.contains(type) && !detected.mimeTypes().contains(type)) {
            throw new InvalidInputException("content_type", Messages.format(
                    "%s: content is %s but the declared content type is %s", label, detected.displayName(), type));
        }
    }

    private static boolean isMediaExtension(String extension) {
        return OTHER_MEDIA.contains(extension)
                || Arrays.stream(AudioFormat.values()).anyMatch(f -> f.extensions().contains(extension));
    }

    /** The lower-case extension of the last path segment, or null if it has none. */
    private static String extension(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        int dot = base.lastIndexOf('.');
        return dot < 0 || dot == base.length() - 1 ? null : base.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The media type without parameters ("audio/ogg; codecs=opus" is audio/ogg), lower case; null if blank. */
    private static String mimeType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }
}
