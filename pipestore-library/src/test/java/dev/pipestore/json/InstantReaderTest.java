package dev.pipestore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Instants read back by {@link RecordJson}: the short cut agrees with {@link Instant#parse}, and other forms still read. */
class InstantReaderTest {

    @Test
    void everyInstantRecordJsonWritesReadsBackEqualThroughTheShortCut() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        long earliest = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
        long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            int precision = random.nextInt(4);
            int nanos = switch (precision) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(earliest, latest + 1), nanos);
            String json = RecordJson.MAPPER.writeValueAsString(instant);

            assertThat(InstantReader.parseUtc(json.substring(1, json.length() - 1))).as(json).isEqualTo(instant);
            assertThat(RecordJson.MAPPER.readValue(json, Instant.class)).as(json).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.5Z", "2024-05-06T10:15:30Z", "2024-05-06T10:15:30.1Z",
        "2024-05-06T10:15:30.123456789Z", "0001-01-01T00:00:00Z"})
    void theShortCutAgreesWithInstantParse(String text) {
        assertThat(InstantReader.parseUtc(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-06T12:15:30+02:00", "2024-05-06T10:15:30.123z", "+10000-01-01T00:00:00Z",
        "2024-05-06T10:15:30.Z", "2023-02-29T10:15:30Z", "2024-13-06T10:15:30Z", "2024-05-06 10:15:30Z",
        "2024-05-06T24:00:00Z", "2024-05-06T10:15:30.1234567891Z", "2024-05-06T10:15:3xZ"})
    void anythingElseIsLeftToJacksonsOwnReader(String text) throws Exception {
        assertThat(InstantReader.parseUtc(text)).isNull();
        Instant jackson;
        try {
            jackson = Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text));
        } catch (RuntimeException e) {
            jackson = null;
        }
        if (jackson != null) {
            assertThat(RecordJson.MAPPER.readValue("\"" + text + "\"", Instant.class)).isEqualTo(jackson);
        }
    }

    @Test
    void anInstantThatIsNoInstantIsRefused() {
        assertThatThrownBy(() -> RecordJson.MAPPER.readValue("\"2024-13-06T10:15:30Z\"", Instant.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> RecordJson.MAPPER.readValue("\"yesterday\"", Instant.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void numericTimestampsStillRead() throws Exception {
        assertThat(RecordJson.MAPPER.readValue("1714990530", Instant.class)).isEqualTo(Instant.ofEpochSecond(1714990530));
    }
}
