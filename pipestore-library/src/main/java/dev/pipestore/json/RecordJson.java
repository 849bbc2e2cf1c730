package dev.pipestore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.SearchHit;
import dev.pipestore.catalog.StorageTier;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.integrity.Finding;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * The JSON form of pipestore's records, shared by the cache, the CLI's {@code --json} and the HTTP API: field names
 * are the seed's column names ({@code file_path}, {@code duration_seconds}, {@code created_at}), times are ISO-8601
 * UTC strings, statuses are their lower-case wire names. The cache keeps records in this form too.
 */
public final class RecordJson {

    /** The mapper for records; metadata objects inside them pass through unchanged. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(wireNames())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // Exact, like the JDK's parsers, and several times faster: every cached read parses a few numbers.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            .build();

    private RecordJson() {}

    /** The record as a JSON tree. */
    public static JsonNode toTree(Object record) {
        return MAPPER.valueToTree(record);
    }

    /** Compact JSON text of the record. */
    public static String toJson(Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (IOException e) {
            throw new StoreException("could not write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Compact JSON text of the record in UTF-8, written as bytes directly. */
    public static byte[] toUtf8(Object record) {
        try {
            return MAPPER.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new StoreException("could not write " + record.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a record back from a tree this class wrote. */
    public static <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (IOException e) {
            throw new StoreException("could not read " + type.getSimpleName() + " from JSON", e);
        }
    }

    private static SimpleModule wireNames() {
        SimpleModule module = new SimpleModule("pipestore-wire-names");
        module.addSerializer(AudioStatus.class, serializer(AudioStatus::wireName));
        module.addDeserializer(AudioStatus.class, deserializer(AudioStatus::parse));
        module.addSerializer(StorageTier.class, serializer(StorageTier::wireName));
        module.addDeserializer(StorageTier.class, deserializer(StorageTier::parse));
        module.addSerializer(SearchHit.Kind.class, serializer(SearchHit.Kind::wireName));
        module.addSerializer(Finding.Kind.class, serializer(Finding.Kind::wireName));
        // Registered after JavaTimeModule, so it takes precedence over its InstantDeserializer (its fallback).
        module.addDeserializer(Instant.class, new InstantReader());
        module.addDeserializer(Transcription.class, new TranscriptionReader());
        return module;
    }

    private static <T> JsonSerializer<T> serializer(Function<T, String> name) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(name.apply(value));
            }
        };
    }

    private static <T> JsonDeserializer<T> deserializer(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return parse.apply(parser.getValueAsString());
            }
        };
    }
}
