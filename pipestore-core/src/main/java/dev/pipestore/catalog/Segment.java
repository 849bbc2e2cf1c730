package dev.pipestore.catalog;

import java.util.List;

/**
 * A timed stretch of a transcription, in the spirit of Lhotse's supervision segments.
 *
 * @param start seconds from the start of the audio
 * @param end seconds from the start of the audio, at least {@code start}
 * @param text what was said
 * @param speaker speaker label, or {@code null}
 * @param words word timings inside {@code [start, end]}, possibly empty
 */
public record Segment(double start, double end, String text, String speaker, List<WordTiming> words) {

    public Segment {
        words = words == null ? List.of() : List.copyOf(words);
    }
}
