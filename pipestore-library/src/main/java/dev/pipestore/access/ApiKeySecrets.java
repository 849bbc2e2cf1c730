package dev.pipestore.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes API key secrets and hashes them. A secret is {@code ps_} and 256 random bits in lower-case base32 (no
 * padding): 55 characters that survive copy, paste, shells and URLs.
 *
 * <p>Only SHA-256 of a secret is stored. A slow password hash (bcrypt, Argon2) protects guessable passwords; these
 * secrets are 256 uniformly random bits, which no amount of hashing speed makes guessable, and a fast deterministic
 * hash lets a request be authenticated by one indexed look-up. Looking up by hash also keeps the comparison itself
 * out of timing attacks: what the database compares is a hash the caller cannot steer bit by bit.
 */
final class ApiKeySecrets {

    static final String PREFIX = "ps_";
    static final int RANDOM_BYTES = 32;
    /** {@code ps_} plus 52 base32 digits. */
    static final int LENGTH = PREFIX.length() + (RANDOM_BYTES * 8 + 4) / 5;

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + base32(bytes);
    }

    /** Whether {@code candidate} has the shape of a secret; anything else is refused without a database look-up. */
    static boolean wellFormed(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = candidate.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '2' && c <= '7')) {
                return false;
            }
        }
        return true;
    }

    static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
