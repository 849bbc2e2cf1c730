package dev.pipestore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.Transcription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Transcriptions read back from their {@link RecordJson} form by the one-pass reader. */
class TranscriptionReaderTest {

    private static final Transcription FULL = new Transcription(UUID.randomUUID(), UUID.randomUUID(), "hello \"there\" 🎙️",
            "en-GB", 0.93, Instant.parse("2024-05-06T10:15:30.123456Z"), "whisper-v3", Metadata.parseObject("metadata", """
                    {"segments": [{"start": 0.0, "end": 2.50, "text": "hello", "speaker": null,
                      "words": [{"start": 0, "end": 1.0, "word": "hello", "confidence": 0.97}]}],
                     "price": 1.50, "big": 12345678901234567890, "nested": {"list": [true, null, "x"]}}"""),
            Instant.parse("2024-05-07T00:00:00Z"), Instant.parse("2025-01-01T12:00:00.5Z"));

    private static final Transcription BARE = new Transcription(UUID.randomUUID(), UUID.randomUUID(), "", null, null,
            Instant.parse("2024-05-06T10:15:30Z"), null, null, Instant.parse("2024-05-06T10:15:30Z"), null);

    @Test
    void everyFieldRecordJsonWritesReadsBackEqual() throws Exception {
        for (Transcription transcription : List.of(FULL, BARE)) {
            String json = RecordJson.toJson(transcription);

            Transcription read = RecordJson.MAPPER.readValue(json, Transcription.class);

            assertThat(read).isEqualTo(transcription);
            assertThat(RecordJson.toJson(read)).isEqualTo(json);
        }
    }

    @Test
    void listsAndFieldsInAnyOrderReadBack() throws Exception {
        ObjectNode reordered = Metadata.empty();
        ObjectNode written = (ObjectNode) RecordJson.MAPPER.readTree(RecordJson.toJson(FULL));
        List<String> names = new java.util.ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, written.get(name)));

        assertThat(RecordJson.MAPPER.readValue(Metadata.toJson(reordered), Transcription.class)).isEqualTo(FULL);
        assertThat(RecordJson.MAPPER.readValue(RecordJson.toJson(List.of(FULL, BARE)), new TypeReference<List<Transcription>>() {}))
                .containsExactly(FULL, BARE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\": \"%s\", \"unknown\": 1}",
        "{\"id\": 7}",
        "{\"id\": \"not-a-uuid\"}",
        "{\"confidence\": \"high\"}",
        "{\"confidence\": 1.5}",
        "{\"metadata\": [1, 2]}",
        "{\"metadata\": {\"segments\": [{\"start\": 2, \"end\": 1, \"text\": \"backwards\"}]}}",
        "{\"created_at\": \"yesterday\"}",
        "{\"language\": \"zz\"}",
        "{\"content\": null}",
        "[]"})
    void whatIsNotATranscriptionIsRefused(String change) throws Exception {
        String json = change.startsWith("[") ? change : merged(change.formatted(UUID.randomUUID()));

        assertThatThrownBy(() -> RecordJson.MAPPER.readValue(json, Transcription.class))
                .isInstanceOf(JsonMappingException.class);
    }

    /** The JSON of {@link #FULL} with the fields of {@code change} replacing or added to its own. */
    private static String merged(String change) throws Exception {
        ObjectNode node = (ObjectNode) RecordJson.MAPPER.readTree(RecordJson.toJson(FULL));
        node.setAll((ObjectNode) RecordJson.MAPPER.readTree(change));
        return Metadata.toJson(node);
    }
}
