package dev.pipestore.catalog.sql;

import dev.pipestore.catalog.AnalysisResult;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.StorageTier;
import dev.pipestore.catalog.Transcription;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A pipeline worker's write pattern on the catalog, runnable in this JVM or as a separate process
 * ({@code main(url, rounds, writer)}), to show that several writers share one SQLite file safely.
 */
final class SqliteWriter {

    static final String WRITER_FIELD = "writer";

    private SqliteWriter() {}

    /** Each round: an audio file, its claim, a transcription, a batch of three results, and a few reads. */
    static void write(Catalog catalog, int rounds, String writer) {
        write(catalog, 0, rounds, writer);
    }

    /** Rounds {@code first} to {@code first + rounds - 1}; the round number makes each idempotency key unique. */
    static void write(Catalog catalog, int first, int rounds, String writer) {
        for (int round = first; round < first + rounds; round++) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            UUID id = UUID.randomUUID();
            AudioFile file = catalog.audioFiles().insert(new AudioFile(id, "data-pipeline/raw/audio/" + id + ".wav", 10, 1, now,
                    "wav", AudioStatus.UPLOADED, Metadata.empty().put(WRITER_FIELD, writer).put("round", round),
                    HexFormat.of().formatHex(new byte[32]), null, "raw/audio/" + id + ".wav", StorageTier.STANDARD, 1.0, null,
                    null, null, writer + "-" + round, now, null));
            catalog.audioFiles().updateStatus(file.id(), AudioStatus.UPLOADED, AudioStatus.PROCESSING);
            Transcription transcription = catalog.transcriptions().insert(new Transcription(UUID.randomUUID(), file.id(),
                    "round " + round, "en", 0.9, now, writer, null, now, null));
            List<AnalysisResult> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(new AnalysisResult(UUID.randomUUID(), file.id(), transcription.id(), "check",
                        Metadata.empty().put("i", i), null, null, now));
            }
            catalog.analysisResults().insertBatch(batch);
            catalog.audioFiles().updateStatus(file.id(), AudioStatus.PROCESSING, AudioStatus.TRANSCRIBED);
            catalog.audioFiles().get(file.id());
            catalog.transcriptions().latestPerModelVersion(file.id());
        }
    }

    /**
     * Runs as its own process: {@code main(url, maxRounds, writer[, stopFile])} writes rounds until {@code stopFile}
     * exists, {@code maxRounds} are done or a minute has passed. Exit status 0 when every write succeeded, 1 (with the
     * failure on stderr) otherwise.
     */
    public static void main(String[] args) {
        try (SqlCatalog catalog = SqlCatalog.open(new SqlCatalogSettings(args[0], null, null, 2, 2), true)) {
            int maxRounds = Integer.parseInt(args[1]);
            java.nio.file.Path stop = args.length > 3 ? java.nio.file.Path.of(args[3]) : null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            for (int round = 0; round < maxRounds && System.nanoTime() < deadline; round++) {
                if (stop != null && java.nio.file.Files.exists(stop)) {
                    break;
                }
                write(catalog, round, 1, args[2]);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
