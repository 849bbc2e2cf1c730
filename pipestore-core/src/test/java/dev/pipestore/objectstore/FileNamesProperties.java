package dev.pipestore.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of {@link FileNames#sanitise} and of the keys {@link ObjectNames} builds from whatever name a caller sends. */
class FileNamesProperties {

    /** Pieces attackers and real uploads use: separators and their look-alikes, dots, controls, marks, wide characters. */
    private static final List<String> PIECES = List.of("..", ".", "/", "\\", "\u0000", "\n", "\u001f", "\u007f", "\uFF0F", "\uFF3C",
            "\u2215", "\u2044", "\uFE52", "℀", "ﬁ", "İ", "a", "Z", "7", "é", "e\u0301", "\u0301", "\u0308", "\u200B", "\uFEFF", "東京",
            "😀", " ", "-", "_", "~", ".wav", ".TAR.GZ", "C:", "%2F", "\uD800", "ǅ", "Å", "A\u030A");

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> pieced = Arbitraries.of(PIECES).list().ofMaxSize(40).map(pieces -> String.join("", pieces));
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> unicode = Arbitraries.strings().withCharRange('\u00a0', '\uffff').ofMaxLength(200);
        Arbitrary<String> longNames = Arbitraries.strings().withChars("aé東😀._- ".toCharArray()).ofMinLength(100).ofMaxLength(2000)
                .map(stem -> stem + Arbitraries.of(".wav", ".flac", "", ".verylongextension", ".Ä").sample());
        Arbitrary<String> paths = Arbitraries.of("../etc/passwd", "/etc/shadow", "..\\..\\windows\\win.ini", "C:\\Users\\x\\take.wav",
                "\uFF0E\uFF0E\uFF0Fetc\uFF0Fpasswd", "....//....//x", ".", "..", "", " ", ".hidden", "-rf", "a/b/", "\\\\server\\share");
        Arbitrary<String> any = Arbitraries.oneOf(pieced, anyChars, unicode, longNames, paths);
        return Arbitraries.oneOf(any, any.map(s -> Normalizer.normalize(s, Normalizer.Form.NFD)),
                any.map(s -> Normalizer.normalize(s, Normalizer.Form.NFC)));
    }

    @Property(tries = 3000)
    void sanitisedNameIsOneSafeSegment(@ForAll("names") String name) {
        String safe = FileNames.sanitise(name);

        assertThat(safe).isNotEmpty().doesNotContain("/", "\\").doesNotStartWith(".");
        assertThat(safe.codePoints()).noneMatch(Character::isISOControl);
        assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(FileNames.MAX_NAME_BYTES);
        assertThat(safe).isNotIn(".", "..");
    }

    @Property(tries = 3000)
    void sanitiseIsIdempotent(@ForAll("names") String name) {
        String once = FileNames.sanitise(name);

        assertThat(FileNames.sanitise(once)).isEqualTo(once);
    }

    @Property(tries = 1000)
    void composedAndDecomposedFormsOfANameGiveTheSameResult(@ForAll("names") String name) {
        assertThat(FileNames.sanitise(Normalizer.normalize(name, Normalizer.Form.NFD)))
                .isEqualTo(FileNames.sanitise(Normalizer.normalize(name, Normalizer.Form.NFC)));
    }

    @Property(tries = 3000)
    void keysStayUnderTheirPrefixAndAreValidNormalPaths(@ForAll("names") String name, @ForAll DataType type) {
        ObjectNames names = new ObjectNames(Clock.fixed(Instant.parse("2026-11-28T23:59:59Z"), ZoneId.of("UTC")), () -> "9f2c4e1a7b3d5e60");

        String key = names.newKey(type, name);

        assertThat(key).startsWith(type.prefix());
        assertThat(ObjectKeys.requireValid(key)).isEqualTo(key);
        assertThat(Path.of(key).normalize()).isEqualTo(Path.of(key));
        assertThat(key.substring(type.prefix().length()).split("/")).hasSize(type.datedFolders() ? 2 : 1);
    }

    @Example
    void keepsAReadableNameAndItsExtension() {
        assertThat(FileNames.sanitise("Take 1 (final).WAV")).isEqualTo("Take_1_final_.WAV");
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\me\\interview.mp3")).isEqualTo("interview.mp3");
        assertThat(FileNames.sanitise("evil\uFF0F..\uFF0Fname.wav")).isEqualTo("name.wav");
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
    }

    @Example
    void truncatesLongNamesKeepingTheExtension() {
        String safe = FileNames.sanitise("a".repeat(500) + ".flac");

        assertThat(safe).endsWith(".flac").hasSize(FileNames.MAX_NAME_BYTES);
    }

    @Example
    void twoKeysForTheSameNameInTheSameSecondDiffer() {
        ObjectNames names = ObjectNames.systemDefault();
        Set<String> keys = new HashSet<>();
        Set<String> seconds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = names.newKey(DataType.RAW_AUDIO, "take.wav");
            keys.add(key);
            seconds.add(key.substring(0, key.indexOf('_', key.lastIndexOf('/') + 10)));
        }

        assertThat(keys).hasSize(1000);
        assertThat(seconds).as("the 1000 keys were made within a second or two").hasSizeLessThan(5);
    }

    @Example
    void timeInKeysIsUtcWhateverTheClocksZone() {
        Instant lateEvening = Instant.parse("2026-11-28T23:30:05Z");
        ObjectNames names = new ObjectNames(Clock.fixed(lateEvening, ZoneId.of("Pacific/Kiritimati")), () -> "0123456789abcdef");

        assertThat(names.newKey(DataType.RAW_AUDIO, "x.wav")).isEqualTo("raw/audio/2026-11-28/20261128_233005_0123456789abcdef_x.wav");
        assertThat(names.newKey(DataType.TRANSCRIPTIONS, "x.json")).isEqualTo("processed/transcriptions/20261128_233005_0123456789abcdef_x.json");
    }

    @Example
    void systemDefaultNamesUseTheCurrentUtcTime() {
        Instant before = Instant.now().minusSeconds(1);
        String key = ObjectNames.systemDefault().newKey(DataType.TEMP, "x");
        Instant after = Instant.now().plusSeconds(1);

        String stamp = key.substring(DataType.TEMP.prefix().length(), DataType.TEMP.prefix().length() + 15);
        Instant keyTime = java.time.LocalDateTime.parse(stamp, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                .toInstant(java.time.ZoneOffset.UTC);
        assertThat(keyTime).isBetween(before.minusSeconds(1), after);
    }
}
