package dev.pipestore.benchmarks;

import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Transcription;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.results.NewTranscription;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;

/**
 * The rows the catalog and cache benchmarks hang off: audio files and transcriptions made through pipestore itself,
 * 40 seconds long so timed segments fit.
 */
record Fixtures(AudioFile analysed, Transcription analysedText, AudioFile transcribed, Transcription cached) {

    private static final int SECONDS = 40;
    private static final int SAMPLE_RATE = 8_000;

    static Fixtures create(PipeStore store) {
        AudioFile analysed = ingest(store, "bench-analysed.wav");
        Transcription analysedText = store.transcriptions().add(analysed.id(),
                NewTranscription.of("a transcription the analysis results refer to", "en"));
        AudioFile transcribed = ingest(store, "bench-transcribed.wav");
        Transcription cached = store.transcriptions().add(analysed.id(), NewTranscription.of(
                "the quick brown fox jumps over the lazy dog and keeps running through the field ".repeat(8).strip(), "en")
                .withModel("bench-model-1").withConfidence(0.91)
                .withMetadata(dev.pipestore.catalog.Metadata.parseObject("metadata", """
                        {"segments": [
                          {"start": 0.0, "end": 9.5, "text": "the quick brown fox", "speaker": "A"},
                          {"start": 10.0, "end": 19.5, "text": "jumps over the lazy dog", "speaker": "B"},
                          {"start": 20.0, "end": 29.5, "text": "and keeps running", "speaker": "A"}]}""")));
        return new Fixtures(analysed, analysedText, transcribed, cached);
    }

    private static AudioFile ingest(PipeStore store, String name) {
        return store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(SECONDS, SAMPLE_RATE)), AudioUpload.named(name));
    }
}
