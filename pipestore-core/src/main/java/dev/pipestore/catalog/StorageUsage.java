package dev.pipestore.catalog;

import java.util.List;

/**
 * An optional ability of a {@link Catalog}: how many audio files and text documents it holds, and their bytes, per
 * storage tier. The catalog is the shared truth of every instance, so utilisation metrics read it rather than count
 * locally. It is one aggregate query per table, still a scan on large tables: callers cache the answer.
 */
public interface StorageUsage {

    /** One total per data type and tier that has rows; a pair without rows is absent rather than zero. */
    List<StorageTotal> storageTotals();
}
