package dev.pipestore.ingest;

import java.util.Map;

/** The MIME type each probed audio format is stored and served with. */
public final class AudioContentTypes {

    private static final Map<String, String> BY_FORMAT = Map.of(
            "wav", "audio/wav",
            "mp3", "audio/mpeg",
            "flac", "audio/flac",
            "ogg", "audio/ogg",
            "opus", "audio/ogg; codecs=opus",
            "m4a", "audio/mp4",
            "aac", "audio/aac");

    private AudioContentTypes() {}

    /** The MIME type for {@code format}, {@code application/octet-stream} for one pipestore does not know. */
    public static String of(String format) {
        return BY_FORMAT.getOrDefault(format, "application/octet-stream");
    }
}
