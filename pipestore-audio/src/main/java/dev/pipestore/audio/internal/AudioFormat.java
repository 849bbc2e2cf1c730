package dev.pipestore.audio.internal;

import java.util.Set;

/** The audio formats pipestore accepts, with the file extensions and MIME types that may honestly name each. */
public enum AudioFormat {
    WAV("wav", "WAV", Set.of("wav", "wave"),
            Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "audio/x-pn-wav")),
    MP3("mp3", "MP3", Set.of("mp3", "mp2", "mp1", "mpga"),
            Set.of("audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg", "audio/x-mp3", "audio/x-mpeg-3",
                    "audio/mpa")),
    FLAC("flac", "FLAC", Set.of("flac"), Set.of("audio/flac", "audio/x-flac")),
    OGG("ogg", "Ogg Vorbis", Set.of("ogg", "oga"),
            Set.of("audio/ogg", "audio/vorbis", "audio/x-vorbis+ogg", "audio/x-ogg", "application/ogg")),
    // Opus in Ogg is routinely named .ogg, so .ogg and audio/ogg claim nothing beyond "Ogg".
    OPUS("opus", "Ogg Opus", Set.of("opus", "ogg", "oga"),
            Set.of("audio/opus", "audio/ogg", "audio/x-opus+ogg", "audio/x-ogg", "application/ogg")),
    // audio/aac and .aac name the codec, which MP4 files carry too; browsers send video/mp4 for any .mp4.
    M4A("m4a", "M4A", Set.of("m4a", "mp4", "m4b", "aac"),
            Set.of("audio/mp4", "audio/m4a", "audio/x-m4a", "audio/aac", "audio/x-aac", "audio/mp4a-latm",
                    "video/mp4")),
    AAC("aac", "AAC (ADTS)", Set.of("aac", "adts"), Set.of("audio/aac", "audio/aacp", "audio/x-aac",
            "audio/x-hx-aac-adts"));

    private final String id;
    private final String displayName;
    private final Set<String> extensions;
    private final Set<String> mimeTypes;

    AudioFormat(String id, String displayName, Set<String> extensions, Set<String> mimeTypes) {
        this.id = id;
        this.displayName = displayName;
        this.extensions = extensions;
        this.mimeTypes = mimeTypes;
    }

    /** The name used in {@code AudioInfo.format()}. */
    public String id() {
        return id;
    }

    /** How error messages name the format. */
    public String displayName() {
        return displayName;
    }

    /** Lower-case extensions, without the dot, that a file of this format may carry. */
    public Set<String> extensions() {
        return extensions;
    }

    /** Lower-case MIME types, without parameters, that an upload of this format may declare. */
    public Set<String> mimeTypes() {
        return mimeTypes;
    }
}
