package dev.pipestore.catalog;

/**
 * One word of a timed segment.
 *
 * @param start seconds from the start of the audio
 * @param end seconds from the start of the audio, at least {@code start}
 * @param word the word as recognised
 * @param confidence 0 to 1, or {@code null}
 */
public record WordTiming(double start, double end, String word, Double confidence) {}
