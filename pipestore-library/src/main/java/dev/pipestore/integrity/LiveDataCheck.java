package dev.pipestore.integrity;

import dev.pipestore.IntegrityException;
import dev.pipestore.NotFoundException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.Catalog;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.TextDocument;
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
        Counts counts = new Counts();
        Consumer<Finding> counting = finding -> {
            if (finding.kind().breaksARecord()) {
                counts.broken++;
            }
            findings.accept(finding);
        };
        String cursor = null;
        do {
            Page<AudioFile> page = catalog.audioFiles().list(AudioFileQuery.all(), new PageRequest(PAGE, cursor));
            for (AudioFile file : page.items()) {
                counts.bytesRead += check("audio file", file.id(), file.objectKey(), file.fileSize(), file.contentSha256(),
                        options.deep(), counting);
                counts.audioFiles++;
                progress.checked("audio file", file.fileSize());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        do {
            Page<TextDocument> page = catalog.textDocuments().list(TextDocumentQuery.all(), new PageRequest(PAGE, cursor));
            for (TextDocument document : page.items()) {
                counts.bytesRead += check("text document", document.id(), document.objectKey(), document.fileSize(),
                        document.contentSha256(), options.deep(), counting);
                counts.textDocuments++;
                progress.checked("text document", document.fileSize());
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        for (ObjectSummary orphan : orphans.find(options.orphanGrace())) {
            counts.orphans++;
            findings.accept(new Finding(Finding.Kind.ORPHAN, null, null, orphan.key(), orphan.size() + " bytes, stored "
                    + orphan.lastModified() + ", named by no row"));
        }
        long swept = options.sweepOrphans() && counts.orphans > 0 ? orphans.sweep(options.orphanGrace()) : 0;
        return new Summary(counts.audioFiles, counts.textDocuments, counts.bytesRead, counts.broken, counts.orphans, swept);
    }

    /** Checks one row's object; returns the bytes read. */
    private long check(String record, UUID id, String key, long size, String sha256, boolean deep, Consumer<Finding> findings) {
        Optional<ObjectInfo> info = objects.head(key);
        if (info.isEmpty()) {
            report(findings, new Finding(Finding.Kind.MISSING, record, id, key, "no object under the key its row names"));
            return 0;
        }
        if (info.get().size() != size) {
            report(findings, new Finding(Finding.Kind.WRONG_SIZE, record, id, key, "the object has " + info.get().size()
                    + " bytes, its row says " + size));
            return 0;
        }
        if (!deep) {
            return 0;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream content = new VerifiedContent(objects.get(key), size, sha256, record + " " + id)) {
            long read = 0;
            for (int n; (n = content.read(buffer)) != -1; ) {
                read += n;
            }
            return read;
        } catch (IntegrityException e) {
            report(findings, new Finding(Finding.Kind.DAMAGED, record, id, key, e.getMessage()));
            return size;
        } catch (NotFoundException e) {
            report(findings, new Finding(Finding.Kind.MISSING, record, id, key, "no object under the key its row names"));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key + " of " + record + " " + id, e);
        }
    }

    /** Reports a finding only if the row is still there: a file deleted while the check ran has no object, rightly. */
    private void report(Consumer<Finding> findings, Finding finding) {
        boolean stored = finding.record().equals("audio file") ? catalog.audioFiles().find(finding.id()).isPresent()
                : catalog.textDocuments().find(finding.id()).isPresent();
        if (stored) {
            findings.accept(finding);
        }
    }

    private static final class Counts {
        long audioFiles;
        long textDocuments;
        long bytesRead;
        long broken;
        long orphans;
    }
}
