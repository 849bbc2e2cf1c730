package dev.pipestore.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract on keys: unsafe keys are refused by every operation, and every valid key is an ordinary object. */
interface KeyContract extends ContractFixture {

    static Stream<String> invalidKeys() {
        return Stream.of("../x", "a/../../x", "/abs", "a//b", "a\\b", "a\u0000b", "a\nb", "a\u007fb", "", null,
                "x".repeat(ObjectKeys.MAX_KEY_BYTES + 1), "a/./b", ".", "..", "a/..");
    }

    @ParameterizedTest
    @MethodSource("dev.pipestore.objectstore.KeyContract#invalidKeys")
    default void invalidKeysAreRefusedByEveryOperation(String key) {
        assertThatThrownBy(() -> store().put(key, TestContent.text("x"), PutOptions.of("text/plain")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> store().get(key)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store().get(key, ByteRange.of(0, 1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store().head(key)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    default void keysFromObjectNamesRoundTrip() {
        ObjectNames names = ObjectNames.systemDefault();
        List<String> originals = List.of("take 1 (final).WAV", "../../etc/passwd", "C:\\Users\\me\\interview.mp3", "Müller ／ 東京.flac",
                ".hidden", "", "a".repeat(500) + ".ogg");
        List<String> keys = new ArrayList<>();
        for (DataType type : DataType.values()) {
            for (String original : originals) {
                String key = names.newKey(type, original);
                keys.add(key);
                putText(key, key);
            }
        }
        try {
            for (String key : keys) {
                assertThat(readText(key)).isEqualTo(key);
                assertThat(store().list(key, null, 10).objects()).extracting(ObjectSummary::key).containsExactly(key);
            }
        } finally {
            keys.forEach(store()::delete);
        }
    }

    @Test
    default void unicodeKeysRoundTrip() {
        List<String> names = List.of("naïve-文字.txt", "Mu\u0308ller-nfd.txt", "Müller-nfc.txt", "emoji-😀.txt", "space in name.txt",
                "percent%20and+plus.txt", "quote'\"&<>.txt");
        for (String name : names) {
            putText(key(name), name);
        }

        for (String name : names) {
            assertThat(readText(key(name))).isEqualTo(name);
        }
        assertThat(store().list(prefix(), null, 100).objects()).hasSize(names.size());
    }

    /** A file-system adapter keeps its own state next to the objects; no key may reach it or be mistaken for it. */
    @Test
    default void keysThatLookLikeStoreInternalsAreOrdinaryObjects() {
        List<String> names = List.of(".meta", ".staging/x.tmp", ".folder", "..double", "x.meta", "x.tmp", "x.properties", "dir/.folder",
                "dir/.meta/y", "~", "%2F");
        for (String name : names) {
            putText(key(name), "content of " + name);
        }

        for (String name : names) {
            assertThat(readText(key(name))).isEqualTo("content of " + name);
            assertThat(store().head(key(name))).hasValueSatisfying(info -> assertThat(info.contentType()).isEqualTo("text/plain"));
        }
        assertThat(store().list(prefix(), null, 100).objects()).extracting(ObjectSummary::key)
                .containsExactlyInAnyOrderElementsOf(names.stream().map(this::key).toList());
    }

    /** Tools such as the S3 console make empty {@code folder/} objects; S3Proxy's file backend keeps only empty ones. */
    @Test
    default void emptyFolderMarkerKeyEndingInASlashIsAnOrdinaryObject() {
        store().put(key("folder/"), TestContent.seeded(1, 0), PutOptions.of("application/x-directory"));
        putText(key("folder/inside.txt"), "inside");

        assertThat(store().head(key("folder/"))).hasValueSatisfying(info -> assertThat(info.size()).isZero());
        assertThat(store().list(key("folder/"), null, 10).objects()).extracting(ObjectSummary::key)
                .containsExactly(key("folder/"), key("folder/inside.txt"));

        store().delete(key("folder/"));
        assertThat(store().head(key("folder/"))).isEmpty();
        assertThat(readText(key("folder/inside.txt"))).isEqualTo("inside");
    }

    @Test
    default void keyOfTheMaximumLengthRoundTrips() {
        String name = ("segment-" + "x".repeat(92) + "/").repeat(11);
        String key = key(name).substring(0, ObjectKeys.MAX_KEY_BYTES);

        putText(key, "deep");

        assertThat(readText(key)).isEqualTo("deep");
    }
}
