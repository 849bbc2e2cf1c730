package dev.pipestore.catalog;

import dev.pipestore.objectstore.DataType;
import java.util.Objects;

/**
 * What the catalog holds of one data type in one storage tier.
 *
 * @param dataType {@link DataType#RAW_AUDIO} or {@link DataType#RAW_TEXT}: the kinds the catalog keeps object rows for
 * @param tier where those objects live now
 * @param objects how many rows
 * @param bytes the sum of their file sizes
 */
public record StorageTotal(DataType dataType, StorageTier tier, long objects, long bytes) {

    public StorageTotal {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(tier, "tier");
        if (objects < 0 || bytes < 0) {
            throw new IllegalArgumentException("storage totals must not be negative: " + objects + " objects, " + bytes + " bytes");
        }
    }
}
