package dev.pipestore.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The generated samples of one test run, made on first use into one directory that is deleted at the end. Shared
 * by every test class through {@link AudioSamplesExtension}, so each file is generated once.
 */
final class GeneratedSamples implements AutoCloseable {

    static final double TONE_SECONDS = 7.3;
    static final double LONG_SECONDS = 123;

    private final Path dir;
    private final Map<Sample, Path> made = new EnumMap<>(Sample.class);
    private final Map<String, Path> generated = new HashMap<>();
    private Path longNoise;
    private Double speechSeconds;

    GeneratedSamples() {
        try {
            dir = Files.createTempDirectory("pipestore-audio-samples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's file, generating it (and what it is made from) on first use. */
    synchronized Path path(Sample sample) {
        Path path = made.get(sample);
        if (path == null) {
            path = dir.resolve(sample.fileName);
            sample.recipe.make(this, path);
            made.put(sample, path);
        }
        return path;
    }

    /** The true duration of a sample in seconds. */
    synchronized double seconds(Sample sample) {
        return switch (sample.truth) {
            case TONE -> TONE_SECONDS;
            case LONG -> LONG_SECONDS;
            case SPEECH -> {
                if (speechSeconds == null) {
                    speechSeconds = AudioTools.soxiSeconds(path(Sample.SPEECH_WAV));
                }
                yield speechSeconds;
            }
        };
    }

    /**
     * A file ffmpeg encodes from the lavfi {@code source} (such as {@code sine=d=5:r=44100}) with {@code args}, made on
     * first use; for tests that need files other than the shared samples, such as parts to join.
     */
    Path lavfi(String fileName, String source, String... args) {
        String[] command = new String[args.length + 4];
        command[0] = "-f";
        command[1] = "lavfi";
        command[2] = "-i";
        command[3] = source;
        System.arraycopy(args, 0, command, 4, args.length);
        return ffmpeg(fileName, command);
    }

    /** A file ffmpeg writes with {@code args} (inputs, options; the output is added), made on first use. */
    synchronized Path ffmpeg(String fileName, String... args) {
        Path path = generated.get(fileName);
        if (path == null) {
            path = dir.resolve(fileName);
            String[] command = Arrays.copyOf(args, args.length + 1);
            command[args.length] = path.toString();
            AudioTools.run(dir, AudioTools.ffmpeg(command));
            generated.put(fileName, path);
        }
        return path;
    }

    /** A scratch directory for test files derived from samples. */
    Path dir() {
        return dir;
    }

    void sox(Path out, String... format) {
        String[] command = new String[format.length + 7];
        command[0] = "sox";
        command[1] = "-n";
        System.arraycopy(format, 0, command, 2, format.length);
        int i = 2 + format.length;
        command[i++] = out.toString();
        command[i++] = "synth";
        command[i++] = String.valueOf(TONE_SECONDS);
        command[i++] = "sine";
        command[i] = "440";
        AudioTools.run(dir, command);
    }

    void encode(Sample source, Path out, String... args) {
        encode(path(source), out, args);
    }

    void encode(Path source, Path out, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "-i";
        command[1] = source.toString();
        System.arraycopy(args, 0, command, 2, args.length);
        command[command.length - 1] = out.toString();
        AudioTools.run(dir, AudioTools.ffmpeg(command));
    }

    void toFile(Path out, String... command) {
        AudioTools.runTo(dir, out, command);
    }

    void speech(Path out) {
        AudioTools.run(dir, "espeak-ng", "-w", out.toString(),
                "The transcription worker picked up this recording from the pipeline and stored the result.");
    }

    /** 123 s of pink noise with a tremolo, so a VBR encoder's frame sizes really vary. */
    synchronized Path longNoise() {
        if (longNoise == null) {
            longNoise = dir.resolve("long_noise.wav");
            // -R seeds sox's noise the same way every run: the encoded files, and where a test's cut lands in them, repeat.
            AudioTools.run(dir, "sox", "-R", "-n", "-r", "44100", "-c", "2", "-b", "16", longNoise.toString(), "synth",
                    String.valueOf(LONG_SECONDS), "pinknoise", "tremolo", "0.3", "80", "vol", "0.5");
        }
        return longNoise;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
