package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Numbers in records: kept as every catalog gives them back, and refused when JSON cannot hold them. */
class JsonNumbersTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void wholeNumbersHoweverWrittenAreKeptAsIntegersAndFractionsAsDecimals() throws Exception {
        ObjectNode given = Metadata.empty().put("double", 12345678.0).put("exponent", new BigDecimal("1E+2"))
                .put("long", 5L).put("fraction", 1.50).put("text", new BigDecimal("1.50"));

        ObjectNode kept = transcription(given).metadata();

        assertThat(kept).isEqualTo(Metadata.MAPPER.readTree("{\"double\":12345678,\"exponent\":100,\"long\":5,"
                + "\"fraction\":1.5,\"text\":1.50}"));
        assertThat(kept.get("double").isInt()).isTrue();
        assertThat(kept.get("text").decimalValue()).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void nanInfinityAndNumbersTooLongToWriteAreRefusedNamingTheirField() {
        assertThatThrownBy(() -> transcription(Metadata.empty().put("score", Double.NaN)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"))
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new AnalysisResult(UUID.randomUUID(), UUID.randomUUID(), null, "loudness",
                Metadata.MAPPER.getNodeFactory().numberNode(Double.POSITIVE_INFINITY), null, null, T))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("result"));
        assertThatThrownBy(() -> transcription((ObjectNode) Metadata.readUserInput("{\"n\": 1e100000000}")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"))
                .hasMessageContaining("digits");
    }

    @Test
    void theFastDecimalOfADoubleIsTheOneItsTextGives() {
        java.util.Random random = new java.util.Random(20261206);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble() * 1e6) / 1e3;
                case 1 -> Math.round(random.nextGaussian() * 1e4) / 100.0;
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(20) - 8);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (Double.isFinite(value)) {
                assertThat(Metadata.shortestDecimal(value)).as("%s", value).isEqualTo(new BigDecimal(Double.toString(value)));
            }
        }
        for (double value : new double[] {0.0, -0.0, 1.0, 0.1, 0.29, 100.0, 1e-3, 9_999_999.999999, 1e7, 0.001, -2.5}) {
            assertThat(Metadata.shortestDecimal(value)).as("%s", value).isEqualTo(new BigDecimal(Double.toString(value)));
        }
    }

    private static Transcription transcription(ObjectNode metadata) {
        return new Transcription(UUID.randomUUID(), UUID.randomUUID(), "x", "en", null, T, null, metadata, T, null);
    }
}
