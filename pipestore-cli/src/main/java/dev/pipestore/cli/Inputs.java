package dev.pipestore.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.TimeBounds;
import dev.pipestore.ingest.LocalFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** Reads command-line values that need more than picocli's conversion, each failure naming the option. */
final class Inputs {

    /** Largest text file read for a transcription or translation. */
    static final long MAX_TEXT_FILE_BYTES = 16L * 1024 * 1024;

    private Inputs() {}

    static UUID id(String option, String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException("wrong length");
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option, "'" + value + "' is not an id (expected a UUID such as 0f8e4a52-...)");
        }
    }

    static ObjectNode metadata(String option, String json) {
        return json == null ? null : Metadata.parseObject(option, json);
    }

    /** The UTF-8 text of {@code file}, refusing a missing, oversized or non-UTF-8 file. */
    static String utf8File(String option, Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(option, file + " is a directory, not a file");
            }
            if (Files.size(file) > MAX_TEXT_FILE_BYTES) {
                throw new InvalidInputException(option, file + " is larger than " + MAX_TEXT_FILE_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(option, LocalFiles.doesNotExist(file));
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(option, file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(option, file + " cannot be read: " + e.getMessage());
        }
    }

    /** Segments from a JSON file holding an array of segments or an object with a {@code segments} array. */
    static ObjectNode segmentsMetadata(String option, Path file) {
        String text = utf8File(option, file);
        JsonNode node;
        try {
            node = Metadata.readUserInput(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(option, file + " is not valid JSON: " + Metadata.describe(e));
        }
        ObjectNode metadata = Metadata.empty();
        if (node != null && node.isArray()) {
            metadata.set("segments", node);
        } else if (node != null && node.isObject() && node.has("segments")) {
            metadata.set("segments", node.get("segments"));
        } else {
            throw new InvalidInputException(option, file + " must hold a JSON array of segments or an object with \"segments\"");
        }
        return metadata;
    }

    /** An instant: ISO-8601 ({@code 2026-11-28T10:00:00Z}), a date ({@code 2026-11-28}, UTC) or an age ({@code 24h}, {@code 7d}). */
    static Instant since(String option, String value) {
        return TimeBounds.parse(option, value, Instant.now());
    }
}
