package dev.pipestore.integrity;

import dev.pipestore.IntegrityException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.TextDocumentQuery;
import dev.pipestore.ingest.Orphans;
import dev.pipestore.objectstore.ObjectInfo;
import dev.pipestore.objectstore.ObjectStore;
import dev.pipestore.objectstore.ObjectSummary;
import dev.pipestore.objectstore.VerifiedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks live data against the catalog: every audio file's and text document's object exists with the size its row
 * recorded (and, {@code deep}, the SHA-256, by reading it whole), and no object older than a grace period lacks a row.
 * Findings are handed over as they are found, so a large store is checked in constant memory.
 */
public final class LiveDataCheck {

    private static final int PAGE = 1000;

    private final Catalog catalog;
    private final ObjectStore objects;
    private final Orphans orphans;

    public LiveDataCheck(Catalog catalog, ObjectStore objects, Orphans orphans) {
        this.catalog = catalog;
        this.objects = objects;
        this.orphans = orphans;
    }

    /**
     * What to check.
     *
     * @param deep read every object whole and compare its SHA-256, not only its size
     * @param orphanGrace how old an object without a row must be to count as an orphan
     * @param sweepOrphans delete the orphans found (each checked once more just before)
     */
    public record Options(boolean deep, Duration orphanGrace, boolean sweepOrphans) {

        /** @throws dev.pipestore.InvalidInputException naming {@code orphanGrace} when a sweep would take young objects */
        public Options {
            if (sweepOrphans) {
                Orphans.requireSweepGrace("orphanGrace", orphanGrace);
            }
        }

        public static Options quick() {
            return new Options(false, Orphans.DEFAULT_GRACE, false);
        }
    }

    /**
     * What a check covered.
     *
     * @param audioFiles audio file rows checked
     * @param textDocuments text document rows checked
     * @param bytesRead bytes read to compare SHA-256 ({@code deep} only)
     * @param broken findings that put a record's content at stake
     * @param orphans orphans found
     * @param orphansSwept orphans deleted
     */
    public record Summary(long audioFiles, long textDocuments, long bytesRead, long broken, long orphans, long orphansSwept) {

        /** Whether every record's object is there, whole. */
        public boolean intact() {
            return broken == 0;
        }
    }

    /** Told each record checked, for progress. */
    @FunctionalInterface
    public interface Progress {
        void checked(String record, long fileSize);
    }

    public Summary run(Options options, Consumer<Finding> findings, Progress progress) {
        Pass pass = new Pass(options.deep(), findings, progress);
        long audioFiles = pass.checkAll("audio file", page -> catalog.audioFiles().list(AudioFileQuery.all(), page),
                f -> new Row(f.id(), f.objectKey(), f.fileSize(), f.contentSha256()),
                id -> catalog.audioFiles().find(id).isPresent());
        long textDocuments = pass.checkAll("text document", page -> catalog.textDocuments().list(TextDocumentQuery.all(), page),
                d -> new Row(d.id(), d.objectKey(), d.fileSize(), d.contentSha256()),
                id -> catalog.textDocuments().find(id).isPresent());
        long orphansFound = 0;
        for (ObjectSummary orphan : orphans.find(options.orphanGrace())) {
            orphansFound++;
            findings.accept(new Finding(Finding.Kind.ORPHAN, null, null, orphan.key(), orphan.size() + " bytes, stored "
                    + orphan.lastModified() + ", named by no row"));
        }
        long swept = options.sweepOrphans() && orphansFound > 0 ? orphans.sweep(options.orphanGrace()) : 0;
        return new Summary(audioFiles, textDocuments, pass.bytesRead, pass.broken, orphansFound, swept);
    }

    /** What a row recorded of its object. */
    private record Row(UUID id, String objectKey, long size, String sha256) {}

    /** One run over the rows, counting what it read and found. */
    private final class Pass {

        private final boolean deep;
        private final Consumer<Finding> findings;
        private final Progress progress;
        private long bytesRead;
        private long broken;

        Pass(boolean deep, Consumer<Finding> findings, Progress progress) {
            this.deep = deep;
            this.findings = findings;
            this.progress = progress;
        }

        /**
         * Checks every row of one kind, page by page; returns how many.
         *
         * @param stillListed whether a row is still in the catalog: one deleted while the check ran has no object, rightly
         */
        <T> long checkAll(String record, Function<PageRequest, Page<T>> pages, Function<T, Row> row, Predicate<UUID> stillListed) {
            long checked = 0;
            String cursor = null;
            do {
                Page<T> page = pages.apply(new PageRequest(PAGE, cursor));
                for (T item : page.items()) {
                    Row stored = row.apply(item);
                    check(record, stored).filter(finding -> stillListed.test(stored.id())).ifPresent(finding -> {
                        broken++;
                        findings.accept(finding);
                    });
                    checked++;
                    progress.checked(record, stored.size());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            return checked;
        }

        /** What is wrong with one row's object, if anything. */
        private Optional<Finding> check(String record, Row row) {
            Optional<ObjectInfo> info = objects.head(row.objectKey());
            if (info.isEmpty()) {
                return Optional.of(missing(record, row));
            }
            if (info.get().size() != row.size()) {
                return Optional.of(new Finding(Finding.Kind.WRONG_SIZE, record, row.id(), row.objectKey(), "the object has "
                        + info.get().size() + " bytes, its row says " + row.size()));
            }
            return deep ? readWhole(record, row) : Optional.empty();
        }

        private Optional<Finding> readWhole(String record, Row row) {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream content = new VerifiedContent(objects.get(row.objectKey()), row.size(), row.sha256(),
                    record + " " + row.id())) {
                for (int n; (n = content.read(buffer)) != -1; ) {
                    bytesRead += n;
                }
                return Optional.empty();
            } catch (IntegrityException e) {
                return Optional.of(new Finding(Finding.Kind.DAMAGED, record, row.id(), row.objectKey(), e.getMessage()));
            } catch (NotFoundException e) {
                return Optional.of(missing(record, row));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + row.objectKey() + " of " + record + " " + row.id(), e);
            }
        }

        private static Finding missing(String record, Row row) {
            return new Finding(Finding.Kind.MISSING, record, row.id(), row.objectKey(), "no object under the key its row names");
        }
    }
}
