package dev.pipestore.server.upload;

import dev.pipestore.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file name in a raw upload's {@code Content-Disposition} header (RFC 6266): {@code filename*} (RFC 8187, UTF-8 or
 * ISO-8859-1, percent-encoded) when present, else {@code filename} (a token or a quoted string). The name is checked
 * afterwards like any other upload name; this class only reads the header's syntax, and refuses what it cannot read.
 */
final class DispositionName {

    static final String HEADER = "Content-Disposition";

    private final String header;
    private int at;

    private DispositionName(String header) {
        this.header = header;
    }

    /**
     * @return the name, or empty when there is no header or it names no file
     * @throws InvalidInputException naming the header when it is malformed
     */
    static Optional<String> of(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new DispositionName(header).parameters();
        String extended = parameters.get("filename*");
        if (extended != null) {
            return Optional.of(decodeExtended(extended));
        }
        return Optional.ofNullable(parameters.get("filename"));
    }

    /** {@code type; name=value; ...}, names lower-cased; the type itself is not needed. */
    private Map<String, String> parameters() {
        token();
        Map<String, String> parameters = new HashMap<>();
        skipSpaces();
        while (at < header.length()) {
            expect(';');
            skipSpaces();
            String name = token().toLowerCase(Locale.ROOT);
            skipSpaces();
            expect('=');
            skipSpaces();
            String value = at < header.length() && header.charAt(at) == '"' ? quoted() : token();
            if (parameters.put(name, value) != null) {
                throw malformed("gives " + name + " twice");
            }
            skipSpaces();
        }
        return parameters;
    }

    private String token() {
        int start = at;
        while (at < header.length() && isTokenChar(header.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw malformed("expected a token at character " + (at + 1));
        }
        return header.substring(start, at);
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < header.length()) {
            char c = header.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && at < header.length()) {
                c = header.charAt(at++);
            }
            value.append(c);
        }
        throw malformed("has a quoted string without its closing quote");
    }

    private void expect(char c) {
        if (at >= header.length() || header.charAt(at) != c) {
            throw malformed("expected '" + c + "' at character " + (at + 1));
        }
        at++;
    }

    private void skipSpaces() {
        while (at < header.length() && (header.charAt(at) == ' ' || header.charAt(at) == '\t')) {
            at++;
        }
    }

    /** {@code charset'language'percent-encoded} (RFC 8187 section 3.2). */
    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            throw new InvalidInputException(HEADER, "filename* must be charset'language'encoded-name, e.g. UTF-8''a%C3%A9.wav");
        }
        Charset charset = switch (value.substring(0, first).toUpperCase(Locale.ROOT)) {
            case "UTF-8" -> StandardCharsets.UTF_8;
            case "ISO-8859-1" -> StandardCharsets.ISO_8859_1;
            default -> throw new InvalidInputException(HEADER, "filename* charset must be UTF-8 or ISO-8859-1");
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && hex(encoded.charAt(i + 1)) >= 0 && hex(encoded.charAt(i + 2)) >= 0) {
                bytes.write(hex(encoded.charAt(i + 1)) << 4 | hex(encoded.charAt(i + 2)));
                i += 2;
            } else if (c != '%' && c < 0x80) {
                bytes.write(c);
            } else {
                throw new InvalidInputException(HEADER, "filename* has a bad percent-encoding at character " + (i + 1));
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(HEADER, "filename* is not valid " + charset.name(), e);
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static boolean isTokenChar(char c) {
        return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    private InvalidInputException malformed(String why) {
        return new InvalidInputException(HEADER, "is not type; filename=\"name\" (RFC 6266): it " + why);
    }
}
