package dev.pipestore;

/** The named thing (an audio file, an object key, a transcription) does not exist. */
public class NotFoundException extends StoreException {

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(kind + " " + id + " not found");
        this.kind = kind;
        this.id = id;
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
