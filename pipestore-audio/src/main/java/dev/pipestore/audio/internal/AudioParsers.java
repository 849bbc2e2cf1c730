package dev.pipestore.audio.internal;

import dev.pipestore.audio.AudioInfo;
import java.io.IOException;

/** Hands a detected file to the parser for its container. */
public final class AudioParsers {

    private AudioParsers() {
    }

    /** Measures the stream {@code detected} found in {@code in}. */
    public static AudioInfo parse(ChannelInput in, FormatSniffer.Detected detected)
            throws IOException, MalformedAudioException {
        return switch (detected.format()) {
            case WAV -> WavProbe.probe(in);
            case MP3 -> Mp3Probe.probe(in, detected.streamStart());
            case AAC -> AdtsProbe.probe(in, detected.streamStart());
            case FLAC -> FlacProbe.probe(in, detected.streamStart());
            case OGG, OPUS -> OggProbe.probe(in);
            case M4A -> Mp4Probe.probe(in);
        };
    }
}
