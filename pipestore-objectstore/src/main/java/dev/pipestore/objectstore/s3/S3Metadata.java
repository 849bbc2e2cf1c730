package dev.pipestore.objectstore.s3;

import dev.pipestore.objectstore.internal.RequestChecks;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Carries user metadata values through S3 headers, which only hold printable US-ASCII.
 *
 * <p>A value that is not printable ASCII, has white space at either end (HTTP would trim it) or starts with
 * {@code =?} is sent as an RFC 2047 encoded word, {@code =?UTF-8?B?<base64>?=}, and decoded on the way back. AWS S3
 * itself decodes such words on arrival and re-encodes them on the way out, MinIO and S3Proxy store them as they are:
 * either way the caller gets back the Unicode value it stored. Values that need no encoding are sent unchanged, so
 * other S3 tools see them as they are.
 */
final class S3Metadata {

    /** One or more encoded words separated by white space, as AWS may split a long value; B or Q encoding. */
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern ENCODED_WORDS = Pattern.compile("(?:" + ENCODED_WORD.pattern() + ")(?:\\s+" + ENCODED_WORD.pattern() + ")*");

    private S3Metadata() {}

    /** The headers' values for the caller's metadata, plus the SHA-256 when it is known before the upload. */
    static Map<String, String> toHeaders(Map<String, String> userMetadata, String sha256OrNull) {
        Map<String, String> headers = new HashMap<>();
        userMetadata.forEach((key, value) -> headers.put(key, encode(value)));
        if (sha256OrNull != null) {
            headers.put(RequestChecks.SHA256_METADATA_KEY, sha256OrNull);
        }
        return headers;
    }

    /** The caller's metadata from the headers S3 returned, without the store's own checksum. */
    static Map<String, String> fromHeaders(Map<String, String> headers) {
        Map<String, String> metadata = new HashMap<>();
        headers.forEach((key, value) -> {
            if (!key.equals(RequestChecks.SHA256_METADATA_KEY)) {
                metadata.put(key, decode(value));
            }
        });
        return metadata;
    }

    static String encode(String value) {
        if (isPlain(value)) {
            return value;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    static String decode(String value) {
        if (!ENCODED_WORDS.matcher(value).matches()) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        Matcher word = ENCODED_WORD.matcher(value);
        try {
            while (word.find()) {
                if (!word.group(1).equalsIgnoreCase("UTF-8")) {
                    return value;
                }
                String text = word.group(3);
                byte[] bytes = word.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(text) : decodeQ(text);
                out.append(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            // Not an encoded word after all (bad base64 or hex): it was a plain value another tool wrote.
            return value;
        }
        return out.toString();
    }

    private static boolean isPlain(String value) {
        if (value.isEmpty()) {
            return true;
        }
        if (value.startsWith("=?") || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static byte[] decodeQ(String text) {
        byte[] out = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out[n++] = ' ';
            } else if (c == '=' && i + 2 < text.length()) {
                out[n++] = (byte) Integer.parseInt(text.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
