package dev.pipestore.audio.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Describes the start of a file that is not audio, so the refusal tells the uploader what they actually sent. */
final class NonAudio {

    private static final int SIGNATURE = 4;
    private static final int TEXT_SAMPLE = 256;

    private NonAudio() {
    }

    /** "looks like text", "starts with %PDF" or "starts with bytes 89 50 4e 47". */
    static String describe(byte[] head) {
        if (isText(head)) {
            return "looks like text";
        }
        int n = Math.min(SIGNATURE, head.length);
        boolean printable = true;
        for (int i = 0; i < n; i++) {
            printable &= head[i] >= 0x21 && head[i] <= 0x7E;
        }
        if (printable) {
            return "starts with " + new String(head, 0, n, StandardCharsets.US_ASCII);
        }
        StringBuilder hex = new StringBuilder("starts with bytes");
        for (int i = 0; i < n; i++) {
            hex.append(' ').append(Messages.format("%02x", head[i] & 0xFF));
        }
        return hex.toString();
    }

    /** Valid UTF-8 without control characters other than whitespace, and enough of it to judge. */
    private static boolean isText(byte[] head) {
        int n = Math.min(TEXT_SAMPLE, head.length);
        if (n < 16) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = head[i] & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F) {
                return false;
            }
        }
        // endOfInput=false: the sample may end inside a multi-byte character, which is not an error.
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(head, 0, n), CharBuffer.allocate(n), false);
        return !result.isError();
    }
}
