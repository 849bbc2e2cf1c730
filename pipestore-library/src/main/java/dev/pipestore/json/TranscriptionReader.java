package dev.pipestore.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Transcription;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads a {@link Transcription} from its {@link RecordJson} form in one pass over the tokens, straight into the
 * record's constructor (which checks it as always). Cached transcriptions are read far more often than any other
 * record, and Jackson's general bean reader costs a good part of such a read. What it refuses, Jackson's reader would
 * refuse too: unknown fields (unless the mapper allows them), values of the wrong type, missing required fields.
 */
final class TranscriptionReader extends StdDeserializer<Transcription> {

    private static final PropertyNamingStrategies.NamingBase NAMING =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /**
     * The record's fields as {@link RecordJson} names them, in the order it writes them (the record's): the parser
     * matches the expected next name against the input directly, without looking the name up.
     */
    private static final SerializedString[] FIELDS = Arrays.stream(Transcription.class.getRecordComponents())
            .map(component -> new SerializedString(NAMING.translate(component.getName())))
            .toArray(SerializedString[]::new);

    private static final int END = -2;

    /** Jackson's own reader of JSON objects into trees: refuses anything but an object. */
    @SuppressWarnings("unchecked")
    private static final JsonDeserializer<ObjectNode> OBJECTS =
            (JsonDeserializer<ObjectNode>) JsonNodeDeserializer.getDeserializer(ObjectNode.class);

    private final InstantReader instants = new InstantReader();

    TranscriptionReader() {
        super(Transcription.class);
    }

    @Override
    public Transcription deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.isExpectedStartObjectToken()) {
            return (Transcription) context.handleUnexpectedToken(Transcription.class, parser);
        }
        UUID id = null;
        UUID audioFileId = null;
        String content = null;
        String language = null;
        Double confidence = null;
        Instant createdAt = null;
        String modelVersion = null;
        ObjectNode metadata = null;
        Instant updatedAt = null;
        Instant archivedAt = null;
        int expected = 0;
        for (int field = nextField(parser, expected); field != END; field = nextField(parser, expected)) {
            JsonToken token = parser.nextToken();
            boolean isNull = token == JsonToken.VALUE_NULL;
            switch (field) { // the record's components, in order: a test reads back a record with all of them set
                case 0 -> id = isNull ? null : uuid(parser, context);
                case 1 -> audioFileId = isNull ? null : uuid(parser, context);
                case 2 -> content = isNull ? null : text(parser, context);
                case 3 -> language = isNull ? null : text(parser, context);
                case 4 -> confidence = isNull ? null : number(parser, context);
                case 5 -> createdAt = isNull ? null : instants.deserialize(parser, context);
                case 6 -> modelVersion = isNull ? null : text(parser, context);
                case 7 -> metadata = isNull ? null : object(parser, context);
                case 8 -> updatedAt = isNull ? null : instants.deserialize(parser, context);
                case 9 -> archivedAt = isNull ? null : instants.deserialize(parser, context);
                default -> context.handleUnknownProperty(parser, this, Transcription.class, parser.currentName());
            }
            expected = field < 0 ? expected : field + 1;
        }
        try {
            return new Transcription(id, audioFileId, content, language, confidence, createdAt, modelVersion, metadata, updatedAt,
                    archivedAt);
        } catch (RuntimeException e) {
            throw context.instantiationException(Transcription.class, e);
        }
    }

    /**
     * Moves to the next field name, trying {@code expected} first; returns the field's position in {@link #FIELDS}, -1
     * for a name the record does not have, or {@link #END} at the end of the object.
     */
    private static int nextField(JsonParser parser, int expected) throws IOException {
        if (expected < FIELDS.length) {
            if (parser.nextFieldName(FIELDS[expected])) {
                return expected;
            }
        } else {
            parser.nextToken();
        }
        return parser.currentToken() == JsonToken.FIELD_NAME ? indexOf(parser.currentName()) : END;
    }

    /** The position of {@code name} in {@link #FIELDS}, or -1 for a name the record does not have. */
    private static int indexOf(String name) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].getValue().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static UUID uuid(JsonParser parser, DeserializationContext context) throws IOException {
        String text = text(parser, context);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw context.weirdStringException(text, UUID.class, "not a UUID");
        }
    }

    private static String text(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        return parser.getText();
    }

    private static Double number(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            return (Double) context.handleUnexpectedToken(Double.class, parser);
        }
        return parser.getDoubleValue();
    }

    private static ObjectNode object(JsonParser parser, DeserializationContext context) throws IOException {
        return OBJECTS.deserialize(parser, context);
    }
}
