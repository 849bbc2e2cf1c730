package dev.pipestore.benchmarks;

import dev.pipestore.benchmarks.env.BenchBackends;
import dev.pipestore.benchmarks.env.TempDirectories;
import dev.pipestore.benchmarks.memory.LargeIngestResult;
import dev.pipestore.benchmarks.memory.LargeIngestRunner;
import dev.pipestore.benchmarks.memory.LargeUploadRunner;
import dev.pipestore.benchmarks.memory.WavFile;
import dev.pipestore.config.ConfigKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The large-file memory check: writes one large WAV, has a small-heap child JVM ingest it on the run's backends and
 * again on the embedded defaults in a fresh data directory, uploads it over HTTP to a small-heap child server on the
 * run's backends, and removes every byte afterwards.
 */
final class MemoryCheck {

    private final BenchSettings settings;
    private final BenchBackends backends;
    private final Consumer<String> log;

    MemoryCheck(BenchSettings settings, BenchBackends backends, Consumer<String> log) {
        this.settings = settings;
        this.backends = backends;
        this.log = log;
    }

    List<LargeIngestResult> run() throws Exception {
        Path work = Files.createTempDirectory("pipestore-bench-large-");
        try {
            Path wav = work.resolve("large.wav");
            log.accept(String.format(Locale.ROOT, "memory: writing a %d-byte WAV (%.0f s of audio)", settings.largeBytes(),
                    WavFile.seconds(settings.largeBytes())));
            WavFile.write(wav, settings.largeBytes());
            LargeIngestRunner runner = new LargeIngestRunner(settings.largeHeap(), work);
            log.accept("memory: ingest into S3Proxy + PostgreSQL + Redis at -Xmx" + settings.largeHeap());
            LargeIngestResult s3 = runner.run("S3Proxy + PostgreSQL + Redis", wav, backends.environment());
            log.accept("memory: " + s3);
            log.accept("memory: ingest into the embedded defaults (files + SQLite) at -Xmx" + settings.largeHeap());
            Path embedded = work.resolve("embedded-data");
            LargeIngestResult local = runner.run("embedded defaults (files + SQLite)", wav,
                    Map.of(ConfigKeys.DATA_DIR, embedded.toString()));
            log.accept("memory: " + local);
            log.accept("memory: upload over HTTP to a server at -Xmx" + settings.largeServerHeap() + " on S3Proxy + PostgreSQL + Redis");
            LargeIngestResult http = new LargeUploadRunner(settings.largeServerHeap(), work)
                    .run("HTTP upload to `pipestore serve`: S3Proxy + PostgreSQL + Redis", wav, backends.environment());
            log.accept("memory: " + http);
            return List.of(s3, local, http);
        } finally {
            TempDirectories.deleteTree(work);
        }
    }
}
