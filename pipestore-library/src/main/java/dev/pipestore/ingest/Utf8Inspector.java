package dev.pipestore.ingest;

import dev.pipestore.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a text upload at the first byte that is not UTF-8, naming its offset; decodes chunk by chunk. A NUL byte is
 * valid UTF-8 but no text file holds one: it is how binary content (a WAV file named notes.txt) shows, so it is
 * refused too.
 */
final class Utf8Inspector implements SpooledUpload.ChunkInspector {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer sink = CharBuffer.allocate(8192);
    private ByteBuffer carry = ByteBuffer.allocate(0);

    @Override
    public void inspect(byte[] bytes, int from, int length, long offset) {
        for (int i = 0; i < length; i++) {
            if (bytes[from + i] == 0) {
                throw new InvalidInputException("file", "not text: a NUL byte at byte offset " + (offset + i)
                        + " (binary content)");
            }
        }
        long inputOffset = offset - carry.remaining();
        ByteBuffer input = carry.hasRemaining()
                ? ByteBuffer.allocate(carry.remaining() + length).put(carry).put(bytes, from, length).flip()
                : ByteBuffer.wrap(bytes, from, length).slice(); // positions count from this chunk's start
        decode(input, inputOffset, false);
        // At most the first bytes of a character are left; they are copied, since the caller reuses its array.
        carry = ByteBuffer.allocate(input.remaining()).put(input).flip();
    }

    @Override
    public void finish(long totalBytes) {
        decode(carry, totalBytes - carry.remaining(), true);
    }

    private void decode(ByteBuffer input, long inputOffset, boolean endOfInput) {
        while (true) {
            sink.clear();
            CoderResult result = decoder.decode(input, sink, endOfInput);
            if (result.isError()) {
                throw new InvalidInputException("file", "not UTF-8 text: invalid byte sequence at byte offset "
                        + (inputOffset + input.position()));
            }
            if (result.isUnderflow()) {
                if (endOfInput && input.hasRemaining()) {
                    throw new InvalidInputException("file", "not UTF-8 text: truncated character at the end");
                }
                return;
            }
        }
    }
}
