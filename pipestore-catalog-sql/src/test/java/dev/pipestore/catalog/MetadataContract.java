package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract for JSON columns: values come back with the same meaning and types, Unicode intact. */
interface MetadataContract extends UsesCatalog {

    /** Nested objects, arrays, numbers of every kind, booleans, null, and text from several scripts. */
    String RICH_JSON = """
            {"nested":{"deeper":{"list":[1,2,{"x":"y"}],"empty":{}},"flag":false},
             "count":42, "negative":-7, "big":123456789012345678901234567890, "long":9007199254740993,
             "tenth":0.1, "price":1.50, "tiny":0.000001, "yes":true, "nothing":null, "emptyList":[],
             "cjk":"音声認識のテスト", "emoji":"🎙️👩🏽‍💻", "combining":"e\\u0301 n\\u0303", "rtl":"שלום",
             "escapes":"quote \\" backslash \\\\ tab \\t newline \\n", "slash":"a/b"}
            """;

    @Test
    default void metadataRoundTripsWithTheSameStructureNumbersAndText() {
        ObjectNode metadata = Samples.json(RICH_JSON);
        AudioFile file = catalog().audioFiles().insert(Samples.withMetadata(Samples.audio(), metadata));

        ObjectNode read = catalog().audioFiles().get(file.id()).metadata();

        assertThat(read).isEqualTo(metadata);
        assertThat(read.get("nested").isObject()).isTrue();
        assertThat(read.get("nested").get("deeper").get("list").isArray()).isTrue();
        assertThat(read.get("count").isIntegralNumber()).isTrue();
        assertThat(read.get("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(read.get("long").longValue()).isEqualTo(9007199254740993L);
        assertThat(read.get("tenth").decimalValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(read.get("price").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(read.get("yes").isBoolean()).isTrue();
        assertThat(read.get("nothing").isNull()).isTrue();
        assertThat(read.get("emoji").asText()).isEqualTo("🎙️👩🏽‍💻");
        assertThat(read.get("combining").asText()).isEqualTo("e\u0301 n\u0303");
        assertThat(read.get("cjk").asText()).isEqualTo("音声認識のテスト");
    }

    @Test
    default void recordsBuiltFromCallerMadeNumbersEqualTheirReadBack() {
        ObjectNode metadata = Metadata.empty();
        metadata.put("score", 0.93).put("ratio", 0.1f).put("count", 7L).put("small", (short) 2)
                .put("huge", new BigInteger("123456789012345678901234567890")).put("whole", 12345678.0)
                .put("tiny", 1e-7).put("exponent", new BigDecimal("1E+2")).put("scaled", new BigDecimal("1.0e7"));
        metadata.putArray("segments").addObject().put("start", 0.0).put("end", 1.25).put("text", "hello");
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription built = new Transcription(UUID.randomUUID(), file.id(), "hello", "en", 0.9, at(1), "w",
                metadata, at(1), null);
        AnalysisResult result = new AnalysisResult(UUID.randomUUID(), file.id(), null, "scores", metadata, null,
                null, at(1));

        catalog().transcriptions().insert(built);
        catalog().analysisResults().insertBatch(List.of(result));

        assertThat(catalog().transcriptions().get(built.id())).isEqualTo(built);
        assertThat(catalog().analysisResults().get(result.id())).isEqualTo(result);
    }

    @Test
    default void metadataSurvivesAnUpdateAndEveryRecordKind() {
        ObjectNode metadata = Samples.json(RICH_JSON);
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        catalog().audioFiles().updateMetadata(file.id(), metadata);
        TextDocument text = Samples.text(at(0), "ja");
        text = new TextDocument(text.id(), text.filePath(), text.fileSize(), text.createdAt(), metadata, text.contentSha256(),
                "メモ📝.txt", text.objectKey(), text.storageTier(), text.language(), text.idempotencyKey(), text.updatedAt(), null);
        catalog().textDocuments().insert(text);
        Transcription transcription = catalog().transcriptions().insert(new Transcription(UUID.randomUUID(), file.id(),
                "音声認識 🎙️ e\u0301", "ja", 0.5, at(1), "w", metadata, at(1), null));
        Translation translation = catalog().translations().insert(new Translation(UUID.randomUUID(),
                transcription.id(), "Spracherkennung 🎙️", "ja", "de", null, at(2), null, metadata, at(2), null));
        JsonNode array = Samples.anyJson("[" + RICH_JSON + ", 1.50, \"🎙️\"]");
        AnalysisResult result = new AnalysisResult(UUID.randomUUID(), file.id(), null, "dump", array, null, null, at(3));
        catalog().analysisResults().insertBatch(List.of(result));

        assertThat(catalog().audioFiles().get(file.id()).metadata()).isEqualTo(metadata);
        assertThat(catalog().textDocuments().get(text.id())).isEqualTo(text);
        assertThat(catalog().transcriptions().get(transcription.id())).isEqualTo(transcription);
        assertThat(catalog().translations().get(translation.id())).isEqualTo(translation);
        assertThat(catalog().analysisResults().get(result.id()).result()).isEqualTo(array);
    }

    @Test
    default void metadataLargerThanTheLimitIsRefusedAndNothingIsStored() {
        ObjectNode huge = Metadata.empty();
        huge.put("blob", "x".repeat(Metadata.MAX_BYTES));
        AudioFile file = Samples.withMetadata(Samples.audio(), huge);

        assertThatThrownBy(() -> catalog().audioFiles().insert(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"));
        assertThat(catalog().audioFiles().find(file.id())).isEmpty();
    }

    @Test
    default void theNulCharacterIsRefusedInTextAndJsonOnEveryDatabase() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription withNulText = new Transcription(UUID.randomUUID(), file.id(), "before\0after", null, null,
                at(1), null, null, at(1), null);
        ObjectNode withNulJson = Samples.json("{\"x\":[\"a\\u0000b\"]}");

        assertThatThrownBy(() -> catalog().transcriptions().insert(withNulText)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> catalog().audioFiles().updateMetadata(file.id(), withNulJson))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"));
        assertThat(catalog().transcriptions().find(withNulText.id())).isEmpty();
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
    }

    @Test
    default void halfASurrogatePairIsRefusedInTextAndJsonWhileWholePairsAreStored() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        Transcription loneInText = new Transcription(UUID.randomUUID(), file.id(), "lone \ud800 here", null, null,
                at(1), null, null, at(1), null);
        ObjectNode loneInJson = Samples.json("{\"x\":[\"a\\udc00b\"]}");
        ObjectNode loneInKey = Metadata.empty().put("\ud83c", 1);
        ObjectNode wholePair = Samples.json("{\"mic\":\"\\ud83c\\udf99 \ud83c\udf99\"}");

        assertThatThrownBy(() -> catalog().transcriptions().insert(loneInText))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> catalog().audioFiles().updateMetadata(file.id(), loneInJson))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"));
        assertThatThrownBy(() -> catalog().audioFiles().updateMetadata(file.id(), loneInKey))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"));
        assertThat(catalog().transcriptions().find(loneInText.id())).isEmpty();
        assertThat(catalog().audioFiles().updateMetadata(file.id(), wholePair).metadata()).isEqualTo(wholePair);
    }

    @Test
    default void jsonNestedDeeperThanEveryCatalogStoresIsRefusedByName() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        int arrays = Metadata.MAX_DEPTH - 1;
        // The object and its arrays make the deepest nesting; brackets and an escaped quote in a string do not nest.
        ObjectNode deepest = Samples.json("{\"x\":" + "[".repeat(arrays) + "\"[{\\\"not nesting\"" + "]".repeat(arrays) + "}");
        ObjectNode tooDeep = Samples.json("{\"x\":" + "[".repeat(arrays + 1) + "]".repeat(arrays + 1) + "}");
        AnalysisResult deepResult = new AnalysisResult(UUID.randomUUID(), file.id(), null, "deep", tooDeep, null, null, at(1));

        assertThat(catalog().audioFiles().updateMetadata(file.id(), deepest).metadata()).isEqualTo(deepest);
        assertThatThrownBy(() -> catalog().audioFiles().updateMetadata(file.id(), tooDeep))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"))
                .hasMessageContaining(Integer.toString(Metadata.MAX_DEPTH));
        assertThatThrownBy(() -> catalog().analysisResults().insertBatch(List.of(deepResult)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("results[0].result"));
        assertThat(catalog().audioFiles().get(file.id()).metadata()).isEqualTo(deepest);
    }

    @Test
    default void aLiteralBackslashBeforeU0000IsNotMistakenForNul() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio());
        ObjectNode windowsPath = Samples.json("{\"path\":\"C:\\\\u0000dir\", \"key\\\\u0000\": 1}");

        AudioFile updated = catalog().audioFiles().updateMetadata(file.id(), windowsPath);

        assertThat(updated.metadata().get("path").asText()).isEqualTo("C:\\u0000dir");
        assertThat(catalog().audioFiles().get(file.id()).metadata()).isEqualTo(windowsPath);
    }
}
