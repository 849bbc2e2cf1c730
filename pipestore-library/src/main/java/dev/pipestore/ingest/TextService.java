package dev.pipestore.ingest;

import dev.pipestore.BackendUnavailableException;
import dev.pipestore.ConflictException;
import dev.pipestore.catalog.Page;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.catalog.StorageTier;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.catalog.TextDocumentQuery;
import dev.pipestore.catalog.TextDocuments;
import dev.pipestore.objectstore.DataType;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.objectstore.StoredObject;
import dev.pipestore.objectstore.VerifiedContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Raw text documents under {@code raw/text/YYYY-MM-DD/}: UTF-8 checked, object first, row second. */
public final class TextService {

    private static final Logger LOG = LoggerFactory.getLogger(TextService.class);

    /** The content type raw text is stored and served with. */
    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private final IngestContext context;
    private final TextDocuments documents;

    TextService(IngestContext context) {
        this.context = context;
        this.documents = context.catalog().textDocuments();
    }

    /** Stores the local {@code file} as {@link #add(InputStream, TextUpload)} does; a missing or unreadable file is refused. */
    public TextDocument add(Path file, TextUpload upload) {
        try (InputStream content = LocalFiles.open(file)) {
            return add(content, upload);
        } catch (IOException e) {
            throw new UncheckedIOException("could not close " + file, e);
        }
    }

    /**
     * Stores UTF-8 text from {@code content}.
     *
     * @throws dev.pipestore.InvalidInputException when the content is empty or not UTF-8; nothing is stored
     * @throws ConflictException when the uploader already used the idempotency key for different content
     */
    public TextDocument add(InputStream content, TextUpload upload) {
        try (SpooledUpload spooled = context.spool(content, new Utf8Inspector())) {
            if (upload.idempotencyKey() != null) {
                Optional<TextDocument> earlier = documents.findByIdempotencyKey(upload.uploadedBy(), upload.idempotencyKey());
                if (earlier.isPresent()) {
                    requireSameUpload(earlier.get(), spooled.sha256(), upload);
                    context.listener().deduplicated(DataType.RAW_TEXT);
                    return earlier.get();
                }
            }
            return store(spooled, upload);
        } catch (RuntimeException e) {
            RuntimeException failure = context.failed(upload.originalName(), e);
            context.listener().failed(DataType.RAW_TEXT, failure);
            throw failure;
        }
    }

    /** The document's record, or empty when there is none. */
    public Optional<TextDocument> find(UUID id) {
        return documents.find(id);
    }

    /** @throws dev.pipestore.NotFoundException when there is no such document */
    public TextDocument get(UUID id) {
        return documents.get(id);
    }

    /** Newest first, one page at a time. */
    public Page<TextDocument> list(TextDocumentQuery query, PageRequest page) {
        return documents.list(query, page);
    }

    /** Opens the text bytes, checked as {@link AudioService#content(UUID)} checks audio; the caller closes the stream. */
    public InputStream content(UUID id) {
        TextDocument document = get(id);
        return new VerifiedContent(context.objects().get(document.objectKey()), document.fileSize(), document.contentSha256(),
                "text document " + id);
    }

    /**
     * Deletes the row, then the object, as {@link AudioService#delete} does: a crash in between leaves an orphan object
     * for the sweep, never a row without its bytes.
     *
     * @return whether there was such a document
     */
    public boolean delete(UUID id) {
        Optional<TextDocument> document = documents.find(id);
        if (document.isEmpty() || !documents.delete(id)) {
            return false;
        }
        LOG.info("deleted text document {} ({})", id, document.get().objectKey());
        context.removeOrphan(document.get().objectKey());
        return true;
    }

    private TextDocument store(SpooledUpload spooled, TextUpload upload) {
        String key = context.names().newKey(DataType.RAW_TEXT, upload.originalName());
        StoredObject stored = context.putChecked(key, spooled,
                new PutOptions(CONTENT_TYPE, spooled.size(), Map.of()));
        var now = context.now();
        TextDocument row = new TextDocument(UUID.randomUUID(), context.filePath(key), stored.size(), now, upload.metadata(),
                stored.sha256(), upload.originalName(), key, StorageTier.STANDARD, upload.language(), upload.idempotencyKey(),
                now, null, upload.uploadedBy());
        try {
            TextDocument inserted = documents.insert(row);
            context.listener().stored(DataType.RAW_TEXT, stored.size());
            return inserted;
        } catch (ConflictException e) {
            context.removeOrphan(key);
            if (upload.idempotencyKey() == null) {
                throw e;
            }
            TextDocument winner = documents.findByIdempotencyKey(upload.uploadedBy(), upload.idempotencyKey()).orElseThrow(() -> e);
            requireSameUpload(winner, stored.sha256(), upload);
            context.listener().deduplicated(DataType.RAW_TEXT);
            return winner;
        } catch (BackendUnavailableException e) {
            throw IngestContext.unconfirmed("text document", row.id(), e);
        }
    }

    private static TextDocument requireSameUpload(TextDocument earlier, String sha256, TextUpload upload) {
        String idempotencyKey = upload.idempotencyKey();
        if (!earlier.contentSha256().equals(sha256)) {
            throw new ConflictException("idempotency key '" + idempotencyKey + "' was already used for text document "
                    + earlier.id() + " with different content");
        }
        return earlier;
    }
}
