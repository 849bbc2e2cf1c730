package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.objectstore.DataType;
import org.junit.jupiter.api.Test;

/** The contract of {@link StorageUsage}: totals per data type and tier, straight from the rows. */
interface StorageUsageContract extends UsesCatalog {

    @Test
    default void emptyCatalogHasNoTotals() {
        assertThat(((StorageUsage) catalog()).storageTotals()).isEmpty();
    }

    @Test
    default void totalsCountRowsAndSumSizesPerDataTypeAndTier() {
        catalog().audioFiles().insert(Samples.audio(at(0)));
        catalog().audioFiles().insert(Samples.audio(at(1)));
        TextDocument text = Samples.text(at(2), "en");
        catalog().textDocuments().insert(text);
        catalog().textDocuments().insert(new TextDocument(java.util.UUID.randomUUID(), text.filePath() + "-2", 5_000_000_000L,
                text.createdAt(), text.metadata(), text.contentSha256(), text.originalName(), text.objectKey() + "-2",
                StorageTier.ARCHIVE, text.language(), null, text.updatedAt(), at(3)));

        assertThat(((StorageUsage) catalog()).storageTotals()).containsExactlyInAnyOrder(
                new StorageTotal(DataType.RAW_AUDIO, StorageTier.STANDARD, 2, 2 * 1_234_567L),
                new StorageTotal(DataType.RAW_TEXT, StorageTier.STANDARD, 1, 2048),
                new StorageTotal(DataType.RAW_TEXT, StorageTier.ARCHIVE, 1, 5_000_000_000L));
    }
}
