package dev.pipestore.objectstore;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The seed's naming convention (section 5.2), made safe: {@code raw/audio/2026-11-28/20261128_011500_9f2c4e1a7b3d5e60_take_1.wav}.
 *
 * <p>The time is UTC; the 16 hex characters of randomness keep two uploads of the same name in the same second apart;
 * the name passes through {@link FileNames#sanitise} so the key never leaves its prefix.
 */
public final class ObjectNames {

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Supplier<String> uniquePart;

    public ObjectNames(Clock clock, Supplier<String> uniquePart) {
        this.clock = clock;
        this.uniquePart = uniquePart;
    }

    /** Names with the system UTC clock and 64 bits of secure randomness. */
    public static ObjectNames systemDefault() {
        SecureRandom random = new SecureRandom();
        return new ObjectNames(Clock.systemUTC(), () -> {
            byte[] bytes = new byte[8];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
    }

    /** A new key for data of {@code type} that arrived with the name {@code originalName}. */
    public String newKey(DataType type, String originalName) {
        var now = clock.instant();
        StringBuilder key = new StringBuilder(type.prefix());
        if (type.datedFolders()) {
            key.append(FOLDER.format(now)).append('/');
        }
        key.append(STAMP.format(now)).append('_').append(uniquePart.get()).append('_').append(FileNames.sanitise(originalName));
        return ObjectKeys.requireValid(key.toString());
    }
}
