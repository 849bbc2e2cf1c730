package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records built while {@link StoredValues} decodes keep their metadata object and skip the segment check; others do not. */
class StoredValuesTest {

    private static final Instant NOW = Instant.parse("2024-05-06T10:15:30Z");

    @Test
    void aRecordBuiltOutsideDecodeCopiesItsMetadataAndChecksItsSegments() {
        ObjectNode metadata = segments(0, 2);

        assertThat(transcription(metadata).metadata()).isEqualTo(metadata).isNotSameAs(metadata);
        assertThatThrownBy(() -> transcription(segments(2, 1))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRecordBuiltInsideDecodeTakesItsMetadataAsItIsAndStillChecksTheRest() throws IOException {
        ObjectNode metadata = segments(0, 2);

        assertThat(StoredValues.decode(() -> transcription(metadata)).metadata()).isSameAs(metadata);
        assertThat(StoredValues.decode(() -> transcription(segments(2, 1))).metadata()).isEqualTo(segments(2, 1));
        assertThatThrownBy(() -> StoredValues.decode(() -> new Transcription(UUID.randomUUID(), UUID.randomUUID(), "x", "zz",
                null, NOW, null, metadata, NOW, null))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StoredValues.decode(() -> new Transcription(UUID.randomUUID(), UUID.randomUUID(), "x", "en",
                1.5, NOW, null, metadata, NOW, null))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void decodingEndsWithTheDecoderWhetherItReturnsOrThrows() throws IOException {
        StoredValues.decode(() -> StoredValues.decode(() -> transcription(segments(0, 1))));
        assertThatThrownBy(() -> StoredValues.decode(() -> {
            throw new IOException("damaged");
        })).isInstanceOf(IOException.class);

        assertThat(StoredValues.decoding()).isFalse();
        assertThatThrownBy(() -> transcription(segments(2, 1))).isInstanceOf(InvalidInputException.class);
    }

    private static Transcription transcription(ObjectNode metadata) {
        return new Transcription(UUID.randomUUID(), UUID.randomUUID(), "x", "en", 0.5, NOW, null, metadata, NOW, null);
    }

    private static ObjectNode segments(double start, double end) {
        return Metadata.parseObject("metadata", "{\"segments\": [{\"start\": " + start + ", \"end\": " + end + ", \"text\": \"t\"}]}");
    }
}
