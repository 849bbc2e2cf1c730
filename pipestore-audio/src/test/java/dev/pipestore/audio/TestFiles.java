package dev.pipestore.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small byte-level helpers for building and damaging test files. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code source} holding only its first {@code length} bytes. */
    static Path truncatedCopy(Path source, Path target, long length) {
        byte[] bytes = read(source);
        byte[] cut = new byte[(int) Math.min(length, bytes.length)];
        System.arraycopy(bytes, 0, cut, 0, cut.length);
        return write(target, cut);
    }

    /** {@code parts} joined end to end into {@code target}, as {@code cat a b > target} does. */
    static Path concat(Path target, Path... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path part : parts) {
            out.writeBytes(read(part));
        }
        return write(target, out.toByteArray());
    }

    /** The position of the first occurrence of {@code ascii} in {@code bytes} at or after {@code from}, or -1. */
    static int indexOf(byte[] bytes, String ascii, int from) {
        byte[] needle = ascii.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(0, from); i <= bytes.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (bytes[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Builds RIFF/WAVE files chunk by chunk, with the sizes written as given (to make them lie when needed). */
    static final class Riff {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Riff(String form, long riffSize) {
            ascii(form);
            int32(riffSize);
            ascii("WAVE");
        }

        /** A 16-byte PCM fmt chunk. */
        Riff pcmFormat(int channels, int rate, int bits) {
            int block = channels * bits / 8;
            chunkHeader("fmt ", 16);
            int16(1);
            int16(channels);
            int32(rate);
            int32((long) rate * block);
            int16(block);
            int16(bits);
            return this;
        }

        Riff chunkHeader(String id, long size) {
            ascii(id);
            int32(size);
            return this;
        }

        Riff bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Riff zeros(int n) {
            return bytes(new byte[n]);
        }

        byte[] build() {
            return out.toByteArray();
        }

        private void ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        private void int16(int v) {
            out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array());
        }

        private void int32(long v) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        }
    }
}
