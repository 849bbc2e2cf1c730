package dev.pipestore.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.TextDocument;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.ingest.AudioUpload;
import dev.pipestore.ingest.Orphans;
import dev.pipestore.ingest.TextUpload;
import dev.pipestore.integrity.LiveDataCheck.Options;
import dev.pipestore.integrity.LiveDataCheck.Summary;
import dev.pipestore.objectstore.PutOptions;
import dev.pipestore.testing.audio.TestAudio;
import dev.pipestore.testing.fs.StoredCopies;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verify of live data, on the embedded store, whose objects a test can damage as bit rot would. */
class LiveDataCheckTest {

    @TempDir
    Path dataDir;

    private PipeStore store;
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void open() {
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void intactDataHasNoFindingsAndEveryRowIsCheckedAndReadWhenDeep() {
        AudioFile audio = ingest(TestAudio.wav(1, 8000), "a.wav");
        TextDocument text = addText("hello", "t.txt");

        Summary summary = run(new Options(true, Duration.ofHours(1), false));

        assertThat(findings).isEmpty();
        assertThat(summary).isEqualTo(new Summary(1, 1, audio.fileSize() + text.fileSize(), 0, 0, 0));
        assertThat(summary.intact()).isTrue();
        assertThat(progress).containsExactly("audio file", "text document");
    }

    @Test
    void aMissingObjectAndAWrongSizeAreFoundByTheQuickCheckAndABitFlipByTheDeepOne() {
        byte[] flipped = TestAudio.wav(1, 8000);
        byte[] cut = TestAudio.wav(1.5, 8000);
        AudioFile rotten = ingest(flipped, "rot.wav");
        AudioFile shortened = ingest(cut, "cut.wav");
        TextDocument lost = addText("gone", "lost.txt");
        store.objects().delete(lost.objectKey());
        StoredCopies.flipBit(dataDir.resolve("objects"), flipped, 10);
        StoredCopies.truncate(dataDir.resolve("objects"), cut, 100);

        Summary quick = run(Options.quick());

        assertThat(findings).extracting(Finding::kind, Finding::id)
                .containsExactlyInAnyOrder(tuple(Finding.Kind.WRONG_SIZE, shortened), tuple(Finding.Kind.MISSING, lost));
        assertThat(findings).filteredOn(f -> f.kind() == Finding.Kind.WRONG_SIZE).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("100 bytes").contains(Long.toString(cut.length)));
        assertThat(quick.broken()).isEqualTo(2);
        assertThat(quick.intact()).isFalse();

        findings.clear();
        Summary deep = run(new Options(true, Duration.ofHours(1), false));

        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder(Finding.Kind.DAMAGED, Finding.Kind.WRONG_SIZE,
                Finding.Kind.MISSING);
        assertThat(findings).filteredOn(f -> f.kind() == Finding.Kind.DAMAGED).singleElement()
                .satisfies(f -> {
                    assertThat(f.id()).isEqualTo(rotten.id());
                    assertThat(f.detail()).contains("SHA-256").contains(rotten.contentSha256());
                });
        assertThat(deep.broken()).isEqualTo(3);
    }

    @Test
    void orphansOlderThanTheGraceAreFoundButDoNotBreakARecordAndAreSweptOnlyWhenAsked() throws Exception {
        AudioFile kept = ingest(TestAudio.wav(1, 8000), "kept.wav");
        String orphan = "raw/audio/2026-01-01/20260101_000000_0123456789abcdef_orphan.wav";
        store.objects().put(orphan, new ByteArrayInputStream(new byte[] {1, 2, 3}), PutOptions.of("audio/wav"));
        Thread.sleep(20);

        Summary found = run(new Options(false, Duration.ZERO, false));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.ORPHAN);
            assertThat(f.objectKey()).isEqualTo(orphan);
            assertThat(f.id()).isNull();
        });
        assertThat(found.intact()).isTrue();
        assertThat(found.orphans()).isEqualTo(1);
        assertThat(found.orphansSwept()).isZero();
        assertThat(store.objects().head(orphan)).isPresent();
        assertThat(run(new Options(false, Duration.ofHours(1), false)).orphans()).as("younger than an hour").isZero();

        assertThatThrownBy(() -> new Options(false, Duration.ZERO, true)).as("a sweep of objects an upload may still own")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("orphanGrace"));
        StoredCopies.age(dataDir.resolve("objects"), Orphans.MIN_SWEEP_GRACE.plusMinutes(1));

        Summary swept = run(new Options(false, Orphans.MIN_SWEEP_GRACE, true));

        assertThat(swept.orphansSwept()).isEqualTo(1);
        assertThat(store.objects().head(orphan)).isEmpty();
        assertThat(store.objects().head(kept.objectKey())).isPresent();
    }

    private Summary run(Options options) {
        progress.clear();
        return store.liveDataCheck().run(options, findings::add, (record, size) -> progress.add(record));
    }

    private AudioFile ingest(byte[] wav, String name) {
        return store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named(name));
    }

    private TextDocument addText(String text, String name) {
        return store.texts().add(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), TextUpload.named(name));
    }

    private static org.assertj.core.groups.Tuple tuple(Finding.Kind kind, Object record) {
        return org.assertj.core.groups.Tuple.tuple(kind, record instanceof AudioFile a ? a.id() : ((TextDocument) record).id());
    }
}
