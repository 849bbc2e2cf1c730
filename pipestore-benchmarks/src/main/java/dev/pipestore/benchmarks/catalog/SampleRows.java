package dev.pipestore.benchmarks.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.catalog.Metadata;

/** The row contents both sides of a catalog row write: about 1 KiB each, the size BASELINES.md measured with. */
final class SampleRows {

    static final String ANALYSIS_TYPE = "sentiment";
    static final String MODEL = "bench-model-1";
    static final double CONFIDENCE = 0.87;

    private SampleRows() {}

    /** An analysis result of about 900 bytes of JSON: a label, scores and keywords with offsets. */
    static ObjectNode analysisResult() {
        ObjectNode result = Metadata.empty();
        result.put("label", "positive");
        ObjectNode scores = result.putObject("scores");
        scores.put("positive", 0.87).put("neutral", 0.1).put("negative", 0.03);
        ArrayNode keywords = result.putArray("keywords");
        for (int i = 0; i < 16; i++) {
            keywords.addObject().put("word", "keyword-" + i).put("start", i * 1.25).put("end", i * 1.25 + 0.5);
        }
        return result;
    }

    /** About 700 characters of transcript text. */
    static String transcriptText() {
        return "the quick brown fox jumps over the lazy dog and keeps running through the field ".repeat(9).strip();
    }

    /** Transcript metadata with a few timed segments inside a 60-second file. */
    static ObjectNode transcriptMetadata() {
        ObjectNode metadata = Metadata.empty();
        ArrayNode segments = metadata.putArray("segments");
        for (int i = 0; i < 3; i++) {
            segments.addObject().put("start", i * 10.0).put("end", i * 10.0 + 8.0).put("text", "segment " + i);
        }
        return metadata;
    }
}
