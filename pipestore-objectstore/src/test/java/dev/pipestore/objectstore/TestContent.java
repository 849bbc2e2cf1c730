package dev.pipestore.objectstore;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Content for object store tests: seeded pseudo-random streams of any length, never held whole, and their digests. */
public final class TestContent {

    private TestContent() {}

    /** {@code length} pseudo-random bytes from {@code seed}; the same seed and length always give the same bytes. */
    public static InputStream seeded(long seed, long length) {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private long remaining = length;

            @Override
            public int read() {
                if (remaining == 0) {
                    return -1;
                }
                remaining--;
                return random.nextInt(256);
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (count == 0) {
                    return 0;
                }
                if (remaining == 0) {
                    return -1;
                }
                // Short reads on purpose: adapters must not assume a read fills their buffer.
                int n = (int) Math.min(Math.min(count, remaining), 50_000);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = (byte) random.nextInt(256);
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** The first {@code length} bytes of {@code seeded(seed, ...)}, then an {@link IOException} as a dropped upload gives. */
    public static InputStream failingAfter(long seed, long length) {
        InputStream content = seeded(seed, length);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = content.read();
                if (b < 0) {
                    throw new IOException("connection reset by test after " + length + " bytes");
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                int n = content.read(buffer, offset, count);
                if (n < 0) {
                    throw new IOException("connection reset by test after " + length + " bytes");
                }
                return n;
            }
        };
    }

    public static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of everything {@code in} yields; closes it. */
    public static String sha256(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Seeded(long seed, long length) {
        return sha256(seeded(seed, length));
    }

    public static String readText(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
