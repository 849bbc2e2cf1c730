package dev.pipestore.metrics;

import dev.pipestore.objectstore.DataType;

/**
 * The {@code data_type} tag: which part of the seed layout a key is in ({@code audio}, {@code text},
 * {@code transcriptions}, ...), or {@code other}. Never the key itself.
 */
final class DataTypeTags {

    static final String OTHER = "other";

    private static final DataType[] TYPES = DataType.values();

    private DataTypeTags() {}

    static String of(DataType type) {
        return switch (type) {
            case RAW_AUDIO -> "audio";
            case RAW_TEXT -> "text";
            case TRANSCRIPTIONS -> "transcriptions";
            case TRANSLATIONS -> "translations";
            case ANALYSIS -> "analysis";
            case TEMP -> "temp";
        };
    }

    /** Index of the data type whose prefix {@code key} starts with, or {@code DataType.values().length} for other keys. */
    static int indexOfKey(String key) {
        for (int i = 0; i < TYPES.length; i++) {
            if (key.startsWith(TYPES[i].prefix())) {
                return i;
            }
        }
        return TYPES.length;
    }

    /** The tag of the index {@link #indexOfKey} returns. */
    static String ofIndex(int index) {
        return index < TYPES.length ? of(TYPES[index]) : OTHER;
    }

    static int count() {
        return TYPES.length + 1;
    }
}
