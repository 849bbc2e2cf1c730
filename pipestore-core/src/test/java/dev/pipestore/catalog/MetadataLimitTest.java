package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The metadata size limit counts the UTF-8 bytes of the compact JSON text, whatever characters it holds. */
class MetadataLimitTest {

    @Test
    void anObjectOfExactlyTheLimitIsAcceptedAndOneByteMoreIsNot() {
        for (String unit : new String[] {"a", "é", "€", "😀", "\"", "\u0001"}) {
            ObjectNode atLimit = objectOfBytes(unit, Metadata.MAX_BYTES);
            ObjectNode overLimit = objectOfBytes(unit, Metadata.MAX_BYTES + 1);

            assertThat(Metadata.requireWithinLimit("metadata", atLimit)).as(unit).isSameAs(atLimit);
            assertThat(Metadata.checkedCopy("metadata", atLimit)).as(unit).isEqualTo(atLimit).isNotSameAs(atLimit);
            assertThatThrownBy(() -> Metadata.requireWithinLimit("metadata", overLimit)).as(unit)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"))
                    .hasMessageContaining((Metadata.MAX_BYTES + 1) + " bytes");
        }
    }

    @Test
    void halfASurrogatePairIsRefusedWhateverTheSize() {
        ObjectNode lone = Metadata.empty().put("x", "a\ud800");

        assertThatThrownBy(() -> Metadata.checkedCopy("metadata", lone))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"))
                .hasMessageContaining("surrogate");
    }

    @Test
    void theLimitCountsTheCompactFormNotTheLayoutOfTheGivenText() {
        String compact = Metadata.toJson(objectOfBytes("a", Metadata.MAX_BYTES));
        String spaced = compact.replace(":", " :  ").replace("{", "{\n    ");

        assertThat(Metadata.parseObject("metadata", spaced)).isEqualTo(Metadata.parseObject("metadata", compact));
        assertThatThrownBy(() -> Metadata.parseObject("metadata", " ".repeat(4 * Metadata.MAX_BYTES) + "{}"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void noMetadataIsWithinTheLimit() {
        assertThat(Metadata.requireWithinLimit("metadata", null)).isNull();
        assertThat(Metadata.checkedCopy("metadata", null)).isEqualTo(Metadata.empty());
    }

    /** {"x":"<text>"} padded with ASCII to exactly {@code bytes} bytes of compact JSON in UTF-8. */
    private static ObjectNode objectOfBytes(String unit, int bytes) {
        StringBuilder text = new StringBuilder(unit.repeat(1000));
        ObjectNode node = Metadata.empty().put("x", text.toString());
        int missing = bytes - utf8(node);
        text.append("a".repeat(missing));
        node.put("x", text.toString());
        assertThat(utf8(node)).isEqualTo(bytes);
        return node;
    }

    private static int utf8(ObjectNode node) {
        return Metadata.toJson(node).getBytes(StandardCharsets.UTF_8).length;
    }
}
