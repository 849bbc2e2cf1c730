package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of {@code metadata.segments} on a transcription, and its checks.
 *
 * <pre>{@code
 * "segments": [
 *   {"start": 0.0, "end": 2.4, "text": "hello world", "speaker": "A",
 *    "words": [{"start": 0.0, "end": 0.9, "word": "hello", "confidence": 0.98}, ...]},
 *   ...
 * ]}</pre>
 *
 * Segments are in time order and do not overlap; words lie inside their segment and are in time order;
 * confidences are between 0 and 1.
 */
public final class Segments {

    /** The metadata field that holds segments. */
    public static final String FIELD = "segments";

    /** Slack for floating-point times written by other tools, in seconds. */
    static final double TOLERANCE = 0.0005;

    private Segments() {}

    /** The segments in {@code metadata}, checked; empty when there is no {@code segments} field. */
    public static List<Segment> fromMetadata(ObjectNode metadata) {
        JsonNode node = metadata.get(FIELD);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException(FIELD, "must be an array of segments");
        }
        List<Segment> segments = new ArrayList<>(node.size());
        double previousEnd = 0;
        for (int i = 0; i < node.size(); i++) {
            String path = FIELD + "[" + i + "]";
            Segment segment = parseSegment(path, node.get(i));
            if (segment.start() + TOLERANCE < previousEnd) {
                throw new InvalidInputException(path, "starts at " + segment.start() + " before the previous segment ends at "
                        + previousEnd + " (segments must be in time order and must not overlap)");
            }
            previousEnd = segment.end();
            segments.add(segment);
        }
        return List.copyOf(segments);
    }

    /**
     * Checks that no segment in {@code metadata} runs past {@code audioDurationSeconds}.
     *
     * @throws InvalidInputException naming the first segment that does
     */
    public static void requireWithin(ObjectNode metadata, double audioDurationSeconds) {
        List<Segment> segments = fromMetadata(metadata);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).end() > audioDurationSeconds + TOLERANCE) {
                throw new InvalidInputException(FIELD + "[" + i + "]", "ends at " + segments.get(i).end()
                        + " s, past the end of the audio at " + audioDurationSeconds + " s");
            }
        }
    }

    private static Segment parseSegment(String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(path, "must be an object with start, end and text");
        }
        double start = requireTime(path + ".start", node.get("start"));
        double end = requireTime(path + ".end", node.get("end"));
        if (end < start) {
            throw new InvalidInputException(path, "ends at " + end + " before it starts at " + start);
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new InvalidInputException(path + ".text", "must be a string");
        }
        JsonNode speaker = node.get("speaker");
        if (speaker != null && !speaker.isNull() && !speaker.isTextual()) {
            throw new InvalidInputException(path + ".speaker", "must be a string");
        }
        List<WordTiming> words = parseWords(path, node.get("words"), start, end);
        return new Segment(start, end, text.asText(), speaker == null || speaker.isNull() ? null : speaker.asText(), words);
    }

    private static List<WordTiming> parseWords(String path, JsonNode node, double segmentStart, double segmentEnd) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException(path + ".words", "must be an array");
        }
        List<WordTiming> words = new ArrayList<>(node.size());
        double previousStart = segmentStart;
        for (int i = 0; i < node.size(); i++) {
            String wordPath = path + ".words[" + i + "]";
            JsonNode word = node.get(i);
            if (word == null || !word.isObject()) {
                throw new InvalidInputException(wordPath, "must be an object with start, end and word");
            }
            double start = requireTime(wordPath + ".start", word.get("start"));
            double end = requireTime(wordPath + ".end", word.get("end"));
            if (end < start || start + TOLERANCE < segmentStart || end > segmentEnd + TOLERANCE) {
                throw new InvalidInputException(wordPath, "[" + start + ", " + end + "] is not inside its segment ["
                        + segmentStart + ", " + segmentEnd + "]");
            }
            if (start + TOLERANCE < previousStart) {
                throw new InvalidInputException(wordPath, "starts before the previous word");
            }
            previousStart = start;
            JsonNode text = word.get("word");
            if (text == null || !text.isTextual()) {
                throw new InvalidInputException(wordPath + ".word", "must be a string");
            }
            Double confidence = null;
            JsonNode confidenceNode = word.get("confidence");
            if (confidenceNode != null && !confidenceNode.isNull()) {
                if (!confidenceNode.isNumber()) {
                    throw new InvalidInputException(wordPath + ".confidence", "must be a number");
                }
                confidence = confidenceNode.asDouble();
                Fields.requireConfidence(wordPath + ".confidence", confidence);
            }
            words.add(new WordTiming(start, end, text.asText(), confidence));
        }
        return words;
    }

    private static double requireTime(String path, JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new InvalidInputException(path, "must be a number of seconds");
        }
        double value = node.asDouble();
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(path, "must be a finite number of seconds at least 0, got " + node);
        }
        return value;
    }
}
