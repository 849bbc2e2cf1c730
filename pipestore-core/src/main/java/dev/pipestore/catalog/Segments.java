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
            Segment segment = parseSegment(i, node.get(i));
            if (segment.start() + TOLERANCE < previousEnd) {
                throw new InvalidInputException(path(i), "starts at " + segment.start() + " before the previous segment ends at "
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
                throw new InvalidInputException(path(i), "ends at " + segments.get(i).end()
                        + " s, past the end of the audio at " + audioDurationSeconds + " s");
            }
        }
    }

    // Paths such as "segments[2].words[0].start" are built only for an error: records are checked far more often than
    // they are refused, cached reads included.

    private static String path(int segment) {
        return FIELD + "[" + segment + "]";
    }

    private static String path(int segment, String field) {
        return path(segment) + "." + field;
    }

    private static String wordPath(int segment, int word) {
        return path(segment) + ".words[" + word + "]";
    }

    private static Segment parseSegment(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(path(index), "must be an object with start, end and text");
        }
        double start = requireTime(node.get("start"), index, -1, "start");
        double end = requireTime(node.get("end"), index, -1, "end");
        if (end < start) {
            throw new InvalidInputException(path(index), "ends at " + end + " before it starts at " + start);
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new InvalidInputException(path(index, "text"), "must be a string");
        }
        JsonNode speaker = node.get("speaker");
        if (speaker != null && !speaker.isNull() && !speaker.isTextual()) {
            throw new InvalidInputException(path(index, "speaker"), "must be a string");
        }
        List<WordTiming> words = parseWords(index, node.get("words"), start, end);
        return new Segment(start, end, text.asText(), speaker == null || speaker.isNull() ? null : speaker.asText(), words);
    }

    private static List<WordTiming> parseWords(int segment, JsonNode node, double segmentStart, double segmentEnd) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidInputException(path(segment, "words"), "must be an array");
        }
        List<WordTiming> words = new ArrayList<>(node.size());
        double previousStart = segmentStart;
        for (int i = 0; i < node.size(); i++) {
            JsonNode word = node.get(i);
            if (word == null || !word.isObject()) {
                throw new InvalidInputException(wordPath(segment, i), "must be an object with start, end and word");
            }
            double start = requireTime(word.get("start"), segment, i, "start");
            double end = requireTime(word.get("end"), segment, i, "end");
            if (end < start || start + TOLERANCE < segmentStart || end > segmentEnd + TOLERANCE) {
                throw new InvalidInputException(wordPath(segment, i), "[" + start + ", " + end + "] is not inside its segment ["
                        + segmentStart + ", " + segmentEnd + "]");
            }
            if (start + TOLERANCE < previousStart) {
                throw new InvalidInputException(wordPath(segment, i), "starts before the previous word");
            }
            previousStart = start;
            JsonNode text = word.get("word");
            if (text == null || !text.isTextual()) {
                throw new InvalidInputException(wordPath(segment, i) + ".word", "must be a string");
            }
            Double confidence = null;
            JsonNode confidenceNode = word.get("confidence");
            if (confidenceNode != null && !confidenceNode.isNull()) {
                if (!confidenceNode.isNumber()) {
                    throw new InvalidInputException(wordPath(segment, i) + ".confidence", "must be a number");
                }
                confidence = confidenceNode.asDouble();
                if (!(confidence >= 0.0 && confidence <= 1.0)) {
                    Fields.requireConfidence(wordPath(segment, i) + ".confidence", confidence);
                }
            }
            words.add(new WordTiming(start, end, text.asText(), confidence));
        }
        return words;
    }

    /** A time in seconds of segment {@code segment}, or of its word {@code word} when that is not negative. */
    private static double requireTime(JsonNode node, int segment, int word, String field) {
        if (node == null || !node.isNumber()) {
            throw new InvalidInputException(timePath(segment, word, field), "must be a number of seconds");
        }
        double value = node.asDouble();
        if (!(value >= 0) || Double.isInfinite(value)) {
            String given = node.toString();
            throw new InvalidInputException(timePath(segment, word, field), "must be a finite number of seconds at least 0,"
                    + " got " + (given.length() > 40 ? given.substring(0, 30) + "... (" + given.length() + " characters)" : given));
        }
        return value;
    }

    private static String timePath(int segment, int word, String field) {
        return (word < 0 ? path(segment) : wordPath(segment, word)) + "." + field;
    }
}
