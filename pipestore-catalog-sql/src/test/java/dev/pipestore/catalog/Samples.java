package dev.pipestore.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builders of catalog records for the contract tests: every field set, times in microseconds. */
final class Samples {

    /** A fixed, microsecond-precise instant the tests count from. */
    static final Instant T0 = Instant.parse("2024-05-06T10:15:30.123456Z");
    /** Who the full samples say uploaded them: an API key id, as the server records it. */
    static final String UPLOADER = "6f1c2a9e-4b7d-4e0a-9c3f-2d8e5b1a7c40";

    private Samples() {}

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static String sha256() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static ObjectNode json(String text) {
        return Metadata.parseObject("metadata", text);
    }

    static JsonNode anyJson(String text) {
        return Metadata.parseStored(text);
    }

    /** An audio file with every optional field set. */
    static AudioFile audio(Instant createdAt) {
        UUID id = UUID.randomUUID();
        return new AudioFile(id, "data-pipeline/raw/audio/2026-11-28/" + id + ".wav", 1_234_567L, 42, createdAt, "wav",
                AudioStatus.UPLOADED, json("{\"source\":\"ingest\",\"tags\":[\"a\",\"b\"]}"), sha256(), "interview 1.wav",
                "raw/audio/2026-11-28/" + id + ".wav", StorageTier.STANDARD, 41.987654321, 48_000, 2, "en-US",
                "key-" + id, createdAt, null, UPLOADER);
    }

    static AudioFile audio() {
        return audio(now());
    }

    /** An audio file with only the required fields. */
    static AudioFile minimalAudio(Instant createdAt) {
        UUID id = UUID.randomUUID();
        return new AudioFile(id, "data-pipeline/raw/audio/" + id + ".mp3", 0L, 0, createdAt, "mp3", AudioStatus.UPLOADED, null,
                sha256(), null, "raw/audio/" + id + ".mp3", StorageTier.STANDARD, 0.0, null, null, null, null, createdAt, null);
    }

    static AudioFile withLanguage(AudioFile f, String language) {
        return new AudioFile(f.id(), f.filePath(), f.fileSize(), f.durationSeconds(), f.createdAt(), f.format(), f.status(),
                f.metadata(), f.contentSha256(), f.originalName(), f.objectKey(), f.storageTier(), f.durationPrecise(),
                f.sampleRate(), f.channels(), language, f.idempotencyKey(), f.updatedAt(), f.archivedAt());
    }

    static AudioFile withIdempotencyKey(AudioFile f, String key) {
        return new AudioFile(f.id(), f.filePath(), f.fileSize(), f.durationSeconds(), f.createdAt(), f.format(), f.status(),
                f.metadata(), f.contentSha256(), f.originalName(), f.objectKey(), f.storageTier(), f.durationPrecise(),
                f.sampleRate(), f.channels(), f.language(), key, f.updatedAt(), f.archivedAt());
    }

    static AudioFile withSha256(AudioFile f, String sha256) {
        return new AudioFile(f.id(), f.filePath(), f.fileSize(), f.durationSeconds(), f.createdAt(), f.format(), f.status(),
                f.metadata(), sha256, f.originalName(), f.objectKey(), f.storageTier(), f.durationPrecise(),
                f.sampleRate(), f.channels(), f.language(), f.idempotencyKey(), f.updatedAt(), f.archivedAt());
    }

    static AudioFile withMetadata(AudioFile f, ObjectNode metadata) {
        return f.withMetadata(metadata, f.updatedAt());
    }

    static TextDocument text(Instant createdAt, String language) {
        UUID id = UUID.randomUUID();
        return new TextDocument(id, "data-pipeline/raw/text/2026-11-28/" + id + ".txt", 2048L, createdAt,
                json("{\"encoding\":\"utf-8\",\"lines\":12}"), sha256(), "notes.txt", "raw/text/2026-11-28/" + id + ".txt",
                StorageTier.STANDARD, language, "text-key-" + id, createdAt, null, UPLOADER);
    }

    static Transcription transcription(UUID audioFileId, Instant createdAt, String modelVersion) {
        return new Transcription(UUID.randomUUID(), audioFileId, "hello world", "en", 0.93, createdAt, modelVersion,
                json("{\"segments\":[{\"start\":0.0,\"end\":1.25,\"text\":\"hello\",\"speaker\":\"A\",\"words\":"
                        + "[{\"start\":0.0,\"end\":1.25,\"word\":\"hello\",\"confidence\":0.98}]},"
                        + "{\"start\":1.25,\"end\":2.5,\"text\":\"world\",\"speaker\":null,\"words\":[]}]}"),
                createdAt, null);
    }

    static Transcription transcription(UUID audioFileId, Instant createdAt, String modelVersion, String language) {
        Transcription t = transcription(audioFileId, createdAt, modelVersion);
        return new Transcription(t.id(), audioFileId, t.content(), language, t.confidence(), createdAt, modelVersion, t.metadata(),
                createdAt, null);
    }

    static Translation translation(UUID transcriptionId, String target, Instant createdAt) {
        return new Translation(UUID.randomUUID(), transcriptionId, "hallo Welt", "en", target, 0.88, createdAt, "nllb-1.3b",
                json("{\"glossary\":\"default\"}"), createdAt, null);
    }

    static AnalysisResult result(UUID audioFileId, UUID transcriptionId, String type, Instant createdAt) {
        return new AnalysisResult(UUID.randomUUID(), audioFileId, transcriptionId, type,
                anyJson("{\"label\":\"positive\",\"scores\":[0.9,0.1]}"), 0.9, "sentiment-2", createdAt);
    }
}
