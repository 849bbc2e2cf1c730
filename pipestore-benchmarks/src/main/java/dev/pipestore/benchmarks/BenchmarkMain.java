package dev.pipestore.benchmarks;

import dev.pipestore.PipeStore;
import dev.pipestore.benchmarks.cache.CachedReadWorkload;
import dev.pipestore.benchmarks.catalog.AnalysisBatchWorkload;
import dev.pipestore.benchmarks.catalog.TranscriptionBatchWorkload;
import dev.pipestore.benchmarks.driver.LoadDriver;
import dev.pipestore.benchmarks.driver.PairedRunner;
import dev.pipestore.benchmarks.driver.RowResult;
import dev.pipestore.benchmarks.driver.Workload;
import dev.pipestore.benchmarks.env.BenchBackends;
import dev.pipestore.benchmarks.http.HttpRows;
import dev.pipestore.benchmarks.ingest.BenchAudio;
import dev.pipestore.benchmarks.ingest.IngestWorkload;
import dev.pipestore.benchmarks.ingest.ObjectPutWorkload;
import dev.pipestore.benchmarks.memory.LargeIngestResult;
import dev.pipestore.benchmarks.profile.JfrProfiler;
import dev.pipestore.benchmarks.profile.Profile;
import dev.pipestore.benchmarks.report.MachineNotes;
import dev.pipestore.benchmarks.report.MarkdownReport;
import dev.pipestore.benchmarks.report.RowOutcome;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs every benchmark row against backends of its own on loopback, then the large-file memory check, and writes the
 * report. Started by {@code scripts/bench}; arguments are described by {@link BenchSettings}.
 */
public final class BenchmarkMain {

    /** Far beyond what any window reaches here; it only bounds a runaway loop. */
    private static final long MAX_OPERATIONS_PER_WINDOW = 10_000_000;

    private BenchmarkMain() {}

    /** Exits when done: the in-process S3Proxy's server threads would otherwise keep the JVM alive. */
    public static void main(String[] args) {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            run(settings);
        } catch (Exception | Error e) { // an Error too: without the exit, S3Proxy's threads would keep the JVM up
            log("failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(BenchSettings settings) throws Exception {
        long start = System.nanoTime();
        MachineNotes machine = MachineNotes.ofThisMachine(settings.commit());
        List<RowOutcome> rows = new ArrayList<>();
        List<LargeIngestResult> memory;
        try (BenchBackends backends = BenchBackends.start(); PipeStore store = backends.openStore();
                S3Client s3 = backends.newS3Client()) {
            machine.put("PostgreSQL", backends.postgres().serverVersion() + " (127.0.0.1:5432, own temporary database)");
            machine.put("Redis", RedisVersion.of(backends.redis().host(), backends.redis().port())
                    + " (127.0.0.1, own key prefix)");
            LoadDriver driver = new LoadDriver(MAX_OPERATIONS_PER_WINDOW);
            PairedRunner runner = new PairedRunner(driver, settings.warmup(), settings.window(), settings.repetitions(),
                    BenchmarkMain::log);
            JfrProfiler profiler = new JfrProfiler(driver, settings.window(), settings.profiles());
            for (RowFactory factory : rowFactories(settings, backends, store, s3)) {
                try (Workload workload = factory.open()) {
                    rows.add(measure(runner, profiler, workload, rows.size() + 1));
                }
            }
            memory = settings.runs("memory") ? new MemoryCheck(settings, backends, BenchmarkMain::log).run() : List.of();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        new MarkdownReport(machine, settings.warmup(), settings.window(), settings.repetitions(), took)
                .write(settings.output(), rows, memory);
        log("wrote " + settings.output() + " after " + took.toMinutes() + " min " + took.toSecondsPart() + " s");
    }

    private static RowOutcome measure(PairedRunner runner, JfrProfiler profiler, Workload workload, int number)
            throws Exception {
        RowResult result = runner.run(workload);
        log(String.format("row %d: ratio %.3f (%.3f-%.3f) %s", number, result.ratio().median(), result.ratio().min(),
                result.ratio().max(), result.check()));
        List<Profile> profiles = List.of();
        if (!result.meetsTarget()) {
            log("  below target: profiling one window of each side with JFR");
            String name = "row" + number;
            profiles = List.of(profiler.profile(name, "ours", workload, workload.ours()),
                    profiler.profile(name, "raw", workload, workload.raw()));
        }
        return new RowOutcome(result, workload.description(), profiles);
    }

    private static List<RowFactory> rowFactories(BenchSettings settings, BenchBackends backends, PipeStore store, S3Client s3) {
        List<RowFactory> rows = new ArrayList<>();
        if (settings.runs("ingest")) {
            byte[] small = BenchAudio.wavOfSize(64 << 10, 16_000);
            byte[] large = BenchAudio.wavOfSize(10 << 20, 48_000);
            for (IngestWorkload.RawPut rawPut : IngestWorkload.RawPut.values()) {
                for (int threads : new int[] {1, 8}) {
                    rows.add(() -> new IngestWorkload(store, s3, backends.bucket(), "64 KiB", small, threads, rawPut));
                }
                for (int threads : new int[] {1, 8}) {
                    rows.add(() -> new IngestWorkload(store, s3, backends.bucket(), "10 MiB", large, threads, rawPut));
                }
            }
            rows.add(() -> new ObjectPutWorkload(store, s3, backends.bucket(), "64 KiB", small));
            rows.add(() -> new ObjectPutWorkload(store, s3, backends.bucket(), "10 MiB", large));
        }
        Fixtures fixtures = settings.runs("catalog") || settings.runs("cache") ? Fixtures.create(store) : null;
        if (settings.runs("catalog")) {
            rows.add(() -> new TranscriptionBatchWorkload(store, backends.postgres(), fixtures.transcribed().id(), 1000));
            rows.add(() -> new AnalysisBatchWorkload(store, backends.postgres(), fixtures.analysed().id(),
                    fixtures.analysedText().id(), 1000));
        }
        if (settings.runs("cache")) {
            // The key pipestore's cache-aside read uses: the run's prefix, then "transcription:<id>".
            String key = backends.redis().value() + "transcription:" + fixtures.cached().id();
            for (int threads : new int[] {1, 8}) {
                rows.add(() -> new CachedReadWorkload(store, fixtures.cached().id(), backends.redis().host(),
                        backends.redis().port(), key, threads));
            }
        }
        if (settings.runs("http")) {
            HttpRows.factories(backends, store, s3).forEach(row -> rows.add(row::call));
        }
        return rows;
    }

    static void log(String line) {
        System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " bench: " + line);
    }

    /** Opens one row's workload when its turn comes, so only one row's connections are open at a time. */
    @FunctionalInterface
    private interface RowFactory {
        Workload open() throws Exception;
    }
}
