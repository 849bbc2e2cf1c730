package dev.pipestore;

/** The named thing (an audio file, an object key, a transcription) does not exist. */
public class NotFoundException extends StoreException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        this(kind, id, kind + " " + id + " not found");
    }

    private NotFoundException(String kind, String id, String message) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    /** The same, saying where the request named it, for example {@code items[3].audio_file_id}. */
    public NotFoundException namedBy(String place) {
        NotFoundException named = new NotFoundException(kind, id, kind + " " + id + " (" + place + ") not found");
        named.initCause(this);
        return named;
    }

    /** What was looked for, for example {@code "audio file"} or {@code "object"}. */
    public String kind() {
        return kind;
    }

    /** The identifier or key that was not found. */
    public String id() {
        return id;
    }
}
