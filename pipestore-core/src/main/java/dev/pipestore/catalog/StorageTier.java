package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.util.Locale;

/** Where an object's bytes live now: primary storage, or the archive (cold storage). */
public enum StorageTier {
    STANDARD,
    ARCHIVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StorageTier parse(String value) {
        for (StorageTier tier : values()) {
            if (tier.wireName().equalsIgnoreCase(value)) {
                return tier;
            }
        }
        throw new InvalidInputException("storage_tier", "unknown storage tier '" + value + "', expected standard or archive");
    }
}
