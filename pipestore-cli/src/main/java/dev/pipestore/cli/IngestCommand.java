package dev.pipestore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.Fields;
import dev.pipestore.catalog.LanguageTags;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.ingest.LocalFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pipestore ingest FILE...}: probes and stores audio files, one output line per stored file. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Store audio files (WAV, MP3, FLAC, Ogg Vorbis, Opus, M4A/AAC): each is probed, stored, then catalogued.",
                       "Refused files are reported on stderr and the rest still ingested; exit 1 if any was refused."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files to ingest.")
    List<Path> files;

    @Option(names = "--language", paramLabel = "L", description = "BCP 47 language of the speech, e.g. en or pt-BR.")
    String language;

    @Option(names = "--metadata", paramLabel = "JSON", description = "A JSON object stored with each file (at most 64 KiB).")
    String metadata;

    @Option(names = "--idempotency-key", paramLabel = "K",
            description = "Retry key: running again with the same key returns the same records. With several files, file n gets K:n.")
    String idempotencyKey;

    @Option(names = "--uploaded-by", paramLabel = "NAME",
            description = "Who uploaded the files, kept as uploaded_by (the HTTP API records the API key's id there).")
    String uploadedBy;

    @Option(names = "--dedupe", description = "Return an existing file with identical content (of the same --uploaded-by) instead of storing a copy.")
    boolean dedupe;

    @Option(names = "--json", description = "One JSON record per line instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ObjectNode parsedMetadata = Inputs.metadata("--metadata", metadata);
        LanguageTags.normaliseOrNull("--language", language);
        Fields.uploader("--uploaded-by", uploadedBy);
        checkIdempotencyKey();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int refused = 0;
        Progress progress = Progress.forFiles(files.size(), totalBytes());
        try (PipeStore store = Stores.open()) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                try (InputStream content = progress.track(LocalFiles.open(file))) {
                    AudioFile stored = store.audio().ingest(content, upload(file, i, parsedMetadata));
                    progress.clear();
                    out.println(json ? dev.pipestore.json.RecordJson.toJson(stored) : line(stored, file));
                    out.flush();
                } catch (StoreException | IOException e) {
                    refused++;
                    progress.clear();
                    err.println(ErrorReporter.line(refusal(file, e)));
                    err.flush();
                }
                progress.fileDone();
            }
        } finally {
            progress.clear();
        }
        return refused == 0 ? 0 : ErrorReporter.FAILURE;
    }

    /**
     * {@code PATH: why}. A refusal of the file itself already starts with its name ({@code file: a.wav: not an audio
     * file}), which the path in front says once.
     */
    static String refusal(Path file, Exception e) {
        if (e instanceof InvalidInputException invalid && invalid.field().equals("file")) {
            String reason = invalid.reason();
            for (String named : List.of(file + ": ", file + " ", file.getFileName() + ": ")) {
                if (reason.startsWith(named)) {
                    return file + ": " + reason.substring(named.length());
                }
            }
            return file + ": " + reason;
        }
        return file + ": " + e.getMessage();
    }

    /** Refused before any file is stored: with several files, the longest key is the last file's. */
    private void checkIdempotencyKey() {
        Fields.idempotencyKey("--idempotency-key", idempotencyKey);
        if (idempotencyKey != null && fileKey(files.size() - 1).length() > Fields.MAX_IDEMPOTENCY_KEY) {
            int room = Fields.MAX_IDEMPOTENCY_KEY - (":" + files.size()).length();
            throw new InvalidInputException("--idempotency-key", "with " + files.size() + " files, file n is stored under K:n,"
                    + " so K may have at most " + room + " characters");
        }
    }

    /** File {@code index}'s own key: K alone for one file, K:n (from 1) for several. */
    private String fileKey(int index) {
        return idempotencyKey == null ? null : files.size() == 1 ? idempotencyKey : idempotencyKey + ":" + (index + 1);
    }

    private AudioUpload upload(Path file, int index, ObjectNode parsedMetadata) {
        String key = fileKey(index);
        AudioUpload upload = new AudioUpload(file.getFileName() == null ? file.toString() : file.getFileName().toString(),
                null, language, parsedMetadata, key, dedupe, uploadedBy);
        return upload;
    }

    private long totalBytes() {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.isRegularFile(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                // the ingest of this file reports the problem
            }
        }
        return total;
    }

    /** One line however odd the file's name: a newline or a terminal escape in it is written as an escape, as on stderr. */
    static String line(AudioFile file, Path source) {
        return ErrorReporter.printable(String.format(Locale.ROOT, "%s  %s  %s %.1fs %d bytes", file.id(), source, file.format(),
                file.durationPrecise(), file.fileSize()));
    }
}
