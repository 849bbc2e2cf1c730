package dev.pipestore.objectstore;

/** The seed's bucket layout (section 5.1): each kind of data and the prefix it lives under. */
public enum DataType {
    RAW_AUDIO("raw/audio/", true),
    RAW_TEXT("raw/text/", true),
    TRANSCRIPTIONS("processed/transcriptions/", false),
    TRANSLATIONS("processed/translations/", false),
    ANALYSIS("processed/analysis/", false),
    TEMP("temp/processing/", false);

    /** The bucket the seed layout lives in; S3 forbids the seed's {@code data_pipeline}, so it becomes {@code data-pipeline}. */
    public static final String DEFAULT_BUCKET = "data-pipeline";

    private final String prefix;
    private final boolean datedFolders;

    DataType(String prefix, boolean datedFolders) {
        this.prefix = prefix;
        this.datedFolders = datedFolders;
    }

    /** The key prefix, ending in {@code /}. */
    public String prefix() {
        return prefix;
    }

    /** Whether keys go into a {@code YYYY-MM-DD/} folder below the prefix. */
    public boolean datedFolders() {
        return datedFolders;
    }
}
