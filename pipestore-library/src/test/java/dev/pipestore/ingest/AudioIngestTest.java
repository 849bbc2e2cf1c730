package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import dev.pipestore.PipeStore;
import dev.pipestore.StoreException;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioFileQuery;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.catalog.PageRequest;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.objectstore.ByteRange;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioIngestTest {

    @TempDir
    Path dataDir;

    private PipeStore store;

    @BeforeEach
    void open() {
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString())));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void ingestsWavWithProbedDurationAndStoresExactBytes() throws Exception {
        byte[] wav = TestAudio.wav(2.5, 16000);

        AudioFile file = store.audio().ingest(new ByteArrayInputStream(wav),
                AudioUpload.named("meeting 01.wav").withLanguage("en-us").withMetadata(Metadata.parseObject("m", "{\"speaker\":\"A\"}")));

        assertThat(file.format()).isEqualTo("wav");
        assertThat(file.durationPrecise()).isEqualTo(2.5);
        assertThat(file.durationSeconds()).isEqualTo(3);
        assertThat(file.sampleRate()).isEqualTo(16000);
        assertThat(file.channels()).isEqualTo(1);
        assertThat(file.status()).isEqualTo(AudioStatus.UPLOADED);
        assertThat(file.language()).isEqualTo("en-US");
        assertThat(file.fileSize()).isEqualTo(wav.length);
        assertThat(file.contentSha256()).isEqualTo(sha256(wav));
        assertThat(file.originalName()).isEqualTo("meeting 01.wav");
        assertThat(file.objectKey()).startsWith("raw/audio/").endsWith("_meeting_01.wav");
        assertThat(file.filePath()).isEqualTo("data-pipeline/" + file.objectKey());
        assertThat(file.metadata().get("speaker").asText()).isEqualTo("A");
        assertThat(store.audio().get(file.id())).isEqualTo(file);
        // The store keeps the SHA-256 with the object itself; a second copy as user metadata would cost every put.
        assertThat(store.objects().head(file.objectKey())).get()
                .satisfies(object -> assertThat(object.contentType()).isEqualTo("audio/wav"))
                .satisfies(object -> assertThat(object.userMetadata()).isEmpty());
        try (InputStream content = store.audio().content(file.id())) {
            assertThat(content.readAllBytes()).isEqualTo(wav);
        }
        try (InputStream part = store.audio().content(file.id(), ByteRange.of(0, 3))) {
            assertThat(new String(part.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        }
    }

    /** Closing deletes the temporary file of an upload still running; the upload must blame the closing, not its input. */
    @Test
    void anUploadCutOffByClosingTheStoreFailsAsClosedNotAsBadInput() throws Exception {
        byte[] wav = TestAudio.wav(600, 16000); // larger than an upload kept in memory: spooled to a file
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        InputStream slow = new FilterInputStream(new ByteArrayInputStream(wav)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > wav.length / 2 && halfway.getCount() > 0) {
                    halfway.countDown();
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        throw new java.io.InterruptedIOException();
                    }
                }
                int n = super.read(b, off, Math.min(len, 64 * 1024));
                read += Math.max(n, 0);
                return n;
            }
        };
        try (ExecutorService executor = Executors.newSingleThreadExecutor()) {
            Future<AudioFile> ingest = executor.submit(() -> store.audio().ingest(slow, AudioUpload.named("slow.wav")));
            assertThat(halfway.await(30, TimeUnit.SECONDS)).isTrue();

            store.close();
            closed.countDown();

            assertThatThrownBy(ingest::get).cause().isInstanceOf(StoreException.class)
                    .isNotInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("the store was closed while slow.wav was being ingested");
        }
    }

    @Test
    void refusesTextPretendingToBeAudioWithoutStoringAnything() {
        byte[] text = "this is not audio at all".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(text), AudioUpload.named("song.wav")))
                .isInstanceOf(InvalidInputException.class);

        assertNothingStored();
    }

    @Test
    void aNameWithHalfASurrogatePairIsRefusedBeforeAnythingIsStoredAndEmojiCountAsOneCharacter() {
        byte[] wav = TestAudio.wav(1, 8000);

        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("x\ud800.wav")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> store.texts().add(new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)),
                TextUpload.named("x\udc00.txt"))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("name"));
        assertNothingStored();

        String emoji = "\ud83d\ude00".repeat(UploadChecks.MAX_NAME - 4) + ".wav";
        assertThat(store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named(emoji)).originalName()).isEqualTo(emoji);
    }

    @Test
    void aMissingStatusIsRefusedByName() {
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("s.wav"));

        assertThatThrownBy(() -> store.audio().updateStatus(file.id(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(store.audio().get(file.id())).isEqualTo(file);
    }

    @Test
    void refusesZeroByteFileWithoutStoringAnything() {
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(new byte[0]), AudioUpload.named("empty.wav")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("zero-byte");

        assertNothingStored();
    }

    @Test
    void refusesWavNamedAsMp3WithoutStoringAnything() {
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("x.mp3")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mp3");

        assertNothingStored();
    }

    @Test
    void refusesTruncatedWavWithoutStoringAnything() {
        byte[] wav = TestAudio.wav(2, 8000);
        byte[] truncated = java.util.Arrays.copyOf(wav, 30);

        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(truncated), AudioUpload.named("cut.wav")))
                .isInstanceOf(InvalidInputException.class);

        assertNothingStored();
    }

    @Test
    void refusesMissingFileAndDirectoryNamingThem() {
        Path missing = dataDir.resolve("nope.wav");
        assertThatThrownBy(() -> store.audio().ingest(missing, AudioUpload.named("nope.wav")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> store.audio().ingest(dataDir, AudioUpload.named("dir")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a directory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd.wav", "/abs/x.wav", "dir\\x.wav", "a\u0000.wav", "line\nbreak.wav", "..", ""})
    void refusesPathsAndControlCharactersInTheNameBeforeStoringAnything(String name) {
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named(name)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("name"));

        assertNothingStored();
    }

    @Test
    void oddButHarmlessNameIsKeptInTheRowAndSanitisedInTheKey() {
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)),
                AudioUpload.named(".. Überraschung (take 2)\uFF0F..wav"));

        assertThat(file.objectKey()).startsWith("raw/audio/").doesNotContain("/..").doesNotContain(" ");
        assertThat(file.originalName()).isEqualTo(".. Überraschung (take 2)\uFF0F..wav");
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstRecordAndStoresOnce() {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioUpload upload = AudioUpload.named("a.wav").withIdempotencyKey("job-42");

        AudioFile first = store.audio().ingest(new ByteArrayInputStream(wav), upload);
        AudioFile retry = store.audio().ingest(new ByteArrayInputStream(wav), upload);

        assertThat(retry).isEqualTo(first);
        assertThat(allFiles()).containsExactly(first);
        assertThat(store.objects().list("raw/audio/", null, 100).objects()).hasSize(1);
    }

    @Test
    void sameIdempotencyKeyWithDifferentContentIsAConflict() {
        store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("a.wav").withIdempotencyKey("k"));

        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(2, 8000)),
                        AudioUpload.named("a.wav").withIdempotencyKey("k")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'k'");
        assertThat(allFiles()).hasSize(1);
    }

    @Test
    void idempotencyKeysAreScopedToTheirUploader() {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioFile alices = store.audio().ingest(new ByteArrayInputStream(wav),
                AudioUpload.named("a.wav").withIdempotencyKey("job-1").withUploadedBy("alice"));

        AudioFile bobs = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(2, 8000)),
                AudioUpload.named("b.wav").withIdempotencyKey("job-1").withUploadedBy("bob"));
        AudioFile nobodys = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("c.wav").withIdempotencyKey("job-1"));

        assertThat(bobs.id()).isNotEqualTo(alices.id());
        assertThat(bobs.uploadedBy()).isEqualTo("bob");
        assertThat(nobodys.id()).isNotIn(alices.id(), bobs.id());
        assertThat(store.audio().ingest(new ByteArrayInputStream(wav),
                AudioUpload.named("a.wav").withIdempotencyKey("job-1").withUploadedBy("alice"))).isEqualTo(alices);
        assertThat(store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("c.wav").withIdempotencyKey("job-1")))
                .isEqualTo(nobodys);
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(wav),
                        AudioUpload.named("b.wav").withIdempotencyKey("job-1").withUploadedBy("bob")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'job-1'").hasMessageContaining("different content");
        assertThat(allFiles()).containsExactlyInAnyOrder(alices, bobs, nobodys);
        assertThat(store.objects().list("raw/audio/", null, 100).objects()).hasSize(3);
    }

    @Test
    void racingRequestsWithOneIdempotencyKeyGetOneRecordAndLeaveOneObject() throws Exception {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioUpload upload = AudioUpload.named("race.wav").withIdempotencyKey("race-1");
        int racers = 4;
        CyclicBarrier start = new CyclicBarrier(racers);
        try (var pool = Executors.newFixedThreadPool(racers)) {
            List<CompletableFuture<AudioFile>> results = java.util.stream.IntStream.range(0, racers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return store.audio().ingest(new ByteArrayInputStream(wav), upload);
                    }, pool))
                    .toList();
            List<AudioFile> files = results.stream().map(CompletableFuture::join).toList();

            assertThat(files).allMatch(files.get(0)::equals);
        }
        assertThat(allFiles()).hasSize(1);
        assertThat(store.objects().list("raw/audio/", null, 100).objects()).hasSize(1);
    }

    @Test
    void contentDedupeReturnsTheExistingFile() {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioFile first = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav"));

        AudioFile second = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("b.wav").deduplicatingByContent());
        AudioFile copy = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("c.wav"));

        assertThat(second).isEqualTo(first);
        assertThat(copy.id()).isNotEqualTo(first.id());
    }

    @Test
    void aKeyedUploadAnsweredByDedupeKeepsItsKeySoItsRetryIsAnsweredAlikeAndOtherContentIsAConflict() {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioFile first = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav"));

        AudioFile deduped = store.audio().ingest(new ByteArrayInputStream(wav),
                AudioUpload.named("a.wav").deduplicatingByContent().withIdempotencyKey("dk"));
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(2, 8000)),
                AudioUpload.named("other.wav").deduplicatingByContent().withIdempotencyKey("dk")))
                .isInstanceOf(ConflictException.class);
        AudioFile retried = store.audio().ingest(new ByteArrayInputStream(wav),
                AudioUpload.named("a.wav").deduplicatingByContent().withIdempotencyKey("dk"));

        assertThat(deduped.id()).isEqualTo(first.id());
        assertThat(retried).isEqualTo(deduped);
        assertThat(deduped.idempotencyKey()).isEqualTo("dk");
        assertThat(allFiles()).hasSize(1);
    }

    @Test
    void contentDedupeStaysWithinOneUploader() {
        byte[] wav = TestAudio.wav(1, 8000);
        AudioFile alices = store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("a.wav").withUploadedBy("alice"));

        AudioFile bobs = store.audio().ingest(new ByteArrayInputStream(wav),
                AudioUpload.named("b.wav").withUploadedBy("bob").deduplicatingByContent());
        AudioFile alicesAgain = store.audio().ingest(new ByteArrayInputStream(wav),
                AudioUpload.named("c.wav").withUploadedBy("alice").deduplicatingByContent());

        assertThat(bobs.id()).isNotEqualTo(alices.id());
        assertThat(bobs.uploadedBy()).isEqualTo("bob");
        assertThat(alicesAgain).isEqualTo(alices);
    }

    @Test
    void statusFollowsTheStateMachineAndRefusedMovesAreConflicts() {
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("a.wav"));

        assertThat(store.audio().updateStatus(file.id(), AudioStatus.PROCESSING).status()).isEqualTo(AudioStatus.PROCESSING);
        assertThat(store.audio().updateStatus(file.id(), AudioStatus.TRANSCRIBED).status()).isEqualTo(AudioStatus.TRANSCRIBED);
        assertThatThrownBy(() -> store.audio().updateStatus(file.id(), AudioStatus.UPLOADED))
                .isInstanceOf(ConflictException.class).hasMessageContaining("transcribed").hasMessageContaining("uploaded");
        assertThat(store.audio().get(file.id()).status()).isEqualTo(AudioStatus.TRANSCRIBED);
    }

    @Test
    void deleteRemovesRowThenObject() {
        AudioFile file = store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named("a.wav"));

        assertThat(store.audio().delete(file.id())).isTrue();

        assertThatThrownBy(() -> store.audio().get(file.id())).isInstanceOf(NotFoundException.class);
        assertThat(store.objects().head(file.objectKey())).isEmpty();
        assertThat(store.audio().delete(file.id())).isFalse();
    }

    @Test
    void oversizedMetadataIsRefusedBeforeAnyWork() {
        var big = Metadata.empty().put("blob", "x".repeat(Metadata.MAX_BYTES));

        assertThatThrownBy(() -> AudioUpload.named("a.wav").withMetadata(big))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"));
    }

    @Test
    void metadataWithANulIsRefusedBeforeAnythingIsStored() {
        var nul = Metadata.empty().put("note", "a\u0000b");

        assertThatThrownBy(() -> AudioUpload.named("a.wav").withMetadata(nul))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("metadata"))
                .hasMessageContaining("U+0000");
        assertThat(Metadata.checkedCopy("metadata", Metadata.empty().put("path", "C:\\u0000dir")).get("path").asText())
                .as("a literal backslash before u0000 is not a NUL").isEqualTo("C:\\u0000dir");
    }

    @Test
    void unknownLanguageIsRefused() {
        assertThatThrownBy(() -> AudioUpload.named("a.wav").withLanguage("xx-notalanguage"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("language"));
        assertThatThrownBy(() -> AudioUpload.named("a.wav").withLanguage("qq"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("language"));
    }

    @ParameterizedTest(name = "{0} bytes, budget {1}: in memory {2}")
    @CsvSource({"16044, 67108864, true", "10485804, 67108864, true", "2000044, 1048576, false", "16044, 0, false"})
    void ingestsFromMemoryWithinTheBudgetAndFromATemporaryFileBeyondIt(int size, long budget, boolean inMemory)
            throws Exception {
        reopenWithUploadMemory(budget);
        byte[] wav = TestAudio.wav((size - 44) / 2 / 16000.0, 16000);
        List<List<Path>> tempFilesAtEnd = new java.util.ArrayList<>();
        InputStream content = new ByteArrayInputStream(wav) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                if (n < 0) {
                    tempFilesAtEnd.add(tempFiles());
                }
                return n;
            }
        };

        AudioFile file = store.audio().ingest(content, AudioUpload.named("sized.wav"));

        assertThat(tempFilesAtEnd.getFirst()).as("temporary files once the upload was read").hasSize(inMemory ? 0 : 1);
        assertThat(file.fileSize()).isEqualTo(wav.length);
        assertThat(file.contentSha256()).isEqualTo(sha256(wav));
        assertThat(file.durationPrecise()).isEqualTo((size - 44) / 2 / 16000.0);
        try (InputStream stored = store.audio().content(file.id())) {
            assertThat(stored.readAllBytes()).isEqualTo(wav);
        }
        assertThat(tempFiles()).isEmpty();
        assertThat(store.audio().uploadMemory().available()).as("upload memory given back").isEqualTo(budget);
    }

    @Test
    void refusedAudioAndABrokenUploadGiveTheirMemoryBack() {
        long budget = 64L << 20;
        reopenWithUploadMemory(budget);
        byte[] text = "not audio, just words. ".repeat(200_000).getBytes(StandardCharsets.UTF_8);
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws java.io.IOException {
                if (served++ > 3_000_000) {
                    throw new java.io.IOException("client disconnected");
                }
                return 0;
            }
        };

        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(text), AudioUpload.named("song.wav")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an audio file");
        assertThat(store.audio().uploadMemory().available()).isEqualTo(budget);
        assertThatThrownBy(() -> store.audio().ingest(broken, AudioUpload.named("cut.wav")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("client disconnected");
        assertThat(store.audio().uploadMemory().available()).isEqualTo(budget);
        assertNothingStored();
    }

    private void reopenWithUploadMemory(long budget) {
        store.close();
        store = PipeStore.open(StoreConfig.from(Map.of("PIPESTORE_DATA_DIR", dataDir.toString(),
                "PIPESTORE_UPLOAD_MEMORY_BYTES", Long.toString(budget))));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {1000, 2_000_000})
    void refusesTextAndMisnamedAudioFromMemoryAndFromATemporaryFileWithoutStoringAnything(int size) {
        byte[] text = "not audio, just words. ".repeat(size / 23 + 1).getBytes(StandardCharsets.UTF_8);
        byte[] wav = TestAudio.wav(size / 2 / 8000.0, 8000);

        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(text), AudioUpload.named("song.wav")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("song.wav: not an audio file");
        assertThatThrownBy(() -> store.audio().ingest(new ByteArrayInputStream(wav), AudioUpload.named("song.mp3")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mp3");

        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(allFiles()).isEmpty();
        assertThat(store.objects().list("", null, 100).objects()).isEmpty();
        assertThat(tempFiles()).isEmpty();
    }

    private List<AudioFile> allFiles() {
        return store.audio().list(AudioFileQuery.all(), PageRequest.first(100)).items();
    }

    private List<Path> tempFiles() {
        try (var files = Files.list(store.config().tempDir())) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
