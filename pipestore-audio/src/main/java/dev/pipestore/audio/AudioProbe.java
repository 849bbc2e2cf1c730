package dev.pipestore.audio;

import dev.pipestore.InvalidInputException;
import dev.pipestore.StoreException;
import dev.pipestore.audio.internal.AudioParsers;
import dev.pipestore.audio.internal.ChannelInput;
import dev.pipestore.audio.internal.DeclaredTypes;
import dev.pipestore.audio.internal.FormatSniffer;
import dev.pipestore.audio.internal.MalformedAudioException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures audio on disk or in memory (format, precise duration, sample rate, channels) and refuses, with an
 * {@link InvalidInputException} a person can act on, anything that is not the audio it claims to be.
 *
 * <p>Reads are positioned and bounded: headers, the last page or frame, and for MP3/ADTS without a trustworthy
 * duration header (or joined MP3s) a streaming pass over the frame headers, for chained Ogg one over the page headers.
 * Memory use does not grow with file size. Stateless and thread-safe.
 */
public final class AudioProbe {

    private static final Logger LOG = LoggerFactory.getLogger(AudioProbe.class);

    /**
     * Measures a file with no declared name or type, such as an upload already spooled to disk.
     *
     * @throws InvalidInputException (field "file") if it is missing, empty, not audio, or malformed
     */
    public AudioInfo probe(Path file) {
        return probe(file, null, null);
    }

    /**
     * Measures a file and checks it against what the uploader declared.
     *
     * @param declaredName the uploader's file name, or null; its extension must fit the content, and it names the
     *     file in error messages
     * @param declaredContentType the uploader's MIME type, or null; {@code application/octet-stream} claims nothing
     * @throws InvalidInputException field "file" if the file is missing, empty, not audio, malformed or named for
     *     another format; field "content_type" if the declared type contradicts the content
     */
    public AudioInfo probe(Path file, String declaredName, String declaredContentType) {
        Objects.requireNonNull(file, "file");
        String label = declaredName == null || declaredName.isBlank() ? String.valueOf(file.getFileName())
                : declaredName;
        requireRegularFile(file, label);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return probe(new ChannelInput(channel), declaredName, declaredContentType, label);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file", label + ": no such file", e);
        } catch (IOException e) {
            throw readFailure(label, e);
        }
    }

    /**
     * Measures content read from {@code channel} (from position 0 to its size) and checks it against what the
     * uploader declared, like {@link #probe(Path, String, String)}. The channel's position may move; it is not closed.
     *
     * @param declaredName the uploader's file name, or null ("upload" in messages)
     */
    public AudioInfo probe(SeekableByteChannel channel, String declaredName, String declaredContentType) {
        Objects.requireNonNull(channel, "channel");
        String label = labelOf(declaredName);
        try {
            return probe(new ChannelInput(channel), declaredName, declaredContentType, label);
        } catch (IOException e) {
            throw readFailure(label, e);
        }
    }

    /**
     * Measures the bytes between {@code content}'s position and limit, such as a small upload kept in memory, and
     * checks them against what the uploader declared, like {@link #probe(Path, String, String)}. The buffer is not
     * changed.
     *
     * @param declaredName the uploader's file name, or null ("upload" in messages)
     */
    public AudioInfo probe(ByteBuffer content, String declaredName, String declaredContentType) {
        Objects.requireNonNull(content, "content");
        String label = labelOf(declaredName);
        try {
            return probe(new ChannelInput(content), declaredName, declaredContentType, label);
        } catch (IOException e) {
            throw readFailure(label, e);
        }
    }

    private AudioInfo probe(ChannelInput in, String declaredName, String declaredContentType, String label)
            throws IOException {
        try {
            if (in.size() == 0) {
                throw new InvalidInputException("file", label + ": zero-byte file");
            }
            FormatSniffer.Detected detected = FormatSniffer.detect(in);
            DeclaredTypes.check(detected.format(), declaredName, declaredContentType, label);
            AudioInfo info = AudioParsers.parse(in, detected);
            LOG.debug("probed {}: {}", label, info);
            return info;
        } catch (MalformedAudioException e) {
            throw new InvalidInputException("file", label + ": " + e.getMessage());
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug must not turn a bad upload into a server error; log it so the bug gets fixed.
            LOG.warn("audio probe of {} failed unexpectedly", label, e);
            throw new InvalidInputException("file", label + ": could not be read as audio (unexpected structure)", e);
        }
    }

    private static String labelOf(String declaredName) {
        return declaredName == null || declaredName.isBlank() ? "upload" : declaredName;
    }

    private static StoreException readFailure(String label, IOException e) {
        return new StoreException("reading " + label + " to probe its audio failed: " + e, e);
    }

    /**
     * The format ({@code wav}, {@code mp3}, {@code flac}, {@code ogg}, {@code opus}, {@code m4a} or {@code aac}) that
     * a file starting with {@code head} holds, judged by magic bytes alone. Pass at least the first 512 bytes: Ogg
     * needs them to tell Vorbis from Opus, and bytes after an ID3v2 tag are needed to see what it tags.
     *
     * @throws InvalidInputException (field "file") if the bytes are not the start of a supported audio format
     */
    public static String detectFormat(byte[] head) {
        Objects.requireNonNull(head, "head");
        try {
            return FormatSniffer.detect(head).id();
        } catch (MalformedAudioException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
    }

    private static void requireRegularFile(Path file, String label) {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("file", label + ": is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new InvalidInputException("file", label + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            // A FIFO or device would block or never end; uploads are always spooled to regular files.
            throw new InvalidInputException("file", label + ": is not a regular file");
        }
    }
}
