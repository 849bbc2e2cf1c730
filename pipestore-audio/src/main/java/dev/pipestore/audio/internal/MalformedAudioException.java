package dev.pipestore.audio.internal;

/**
 * The bytes of a file are not the audio they appear to be; the message is written for the person who uploaded it.
 *
 * <p>Checked on purpose: every parser must declare it, and only {@code AudioProbe} turns it into the public
 * {@code InvalidInputException}, adding the file's name.
 */
public final class MalformedAudioException extends Exception {

    public MalformedAudioException(String message) {
        super(message);
    }

    /** A structure whose declared size runs past the end of the file, phrased the same way by every parser. */
    static MalformedAudioException truncated(String format, String what, long declared, long available) {
        return new MalformedAudioException(Messages.format("truncated %s: %s declares %,d bytes but only %,d follow",
                format, what, declared, available));
    }

    /** A fixed-size structure cut off by the end of the file. */
    static MalformedAudioException cutShort(String format, String what, long needed, long available) {
        return new MalformedAudioException(Messages.format("truncated %s: %s needs %,d bytes but only %,d follow",
                format, what, needed, available));
    }
}
