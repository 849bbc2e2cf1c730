package dev.pipestore.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.LeaseConflictException;
import dev.pipestore.PipeStore;
import dev.pipestore.catalog.AudioFile;
import dev.pipestore.catalog.AudioStatus;
import dev.pipestore.catalog.ClaimedAudioFile;
import dev.pipestore.catalog.Metadata;
import dev.pipestore.config.StoreConfig;
import dev.pipestore.testing.audio.TestAudio;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work claiming through the store: the state machine is enforced, the clock is the store's, completion ends the lease. */
class ClaimTest {

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

    private AudioFile ingest(String name) {
        return store.audio().ingest(new ByteArrayInputStream(TestAudio.wav(1, 8000)), AudioUpload.named(name));
    }

    @Test
    void aWorkerClaimsUploadedFilesUnderALeaseAndCompletesThem() {
        AudioFile first = ingest("a.wav");
        AudioFile second = ingest("b.wav");
        Instant before = Instant.now();

        List<ClaimedAudioFile> claimed = store.audio().claim(
                new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 10, 60, "asr-1"));

        assertThat(claimed).extracting(c -> c.file().id()).containsExactly(first.id(), second.id());
        assertThat(claimed.get(0).lease().owner()).isEqualTo("asr-1");
        assertThat(claimed.get(0).lease().expiresAt()).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
        assertThat(store.audio().claim(new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 10, 60, "asr-2"))).isEmpty();

        store.audio().updateStatus(first.id(), AudioStatus.TRANSCRIBED);

        assertThat(store.catalog().audioFiles().lease(first.id())).isEmpty();
        assertThat(store.catalog().audioFiles().lease(second.id())).isPresent();
    }

    @Test
    void aWorkerMovesOnOnlyWhatItStillHoldsRenewsItAndGivesItBack() {
        AudioFile first = ingest("a.wav");
        AudioFile second = ingest("b.wav");
        store.audio().claim(new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 2, 60, "asr-1"));

        assertThatThrownBy(() -> store.audio().updateStatus(first.id(), AudioStatus.TRANSCRIBED, "asr-2"))
                .isInstanceOfSatisfying(LeaseConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(LeaseConflictException.Reason.HELD_BY_ANOTHER));
        assertThatThrownBy(() -> store.audio().updateStatus(first.id(), AudioStatus.ARCHIVED, "asr-1"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot move to archived");
        Instant before = Instant.now();
        ClaimedAudioFile renewed = store.audio().renewLease(first.id(), "asr-1", 3600);
        assertThat(renewed.lease().expiresAt()).isAfter(before.plusSeconds(3599));
        assertRefused(() -> store.audio().renewLease(first.id(), "asr-1", 86_401), "lease_seconds");
        assertRefused(() -> store.audio().renewLease(first.id(), "asr-1", Long.MAX_VALUE), "lease_seconds");

        assertThat(store.audio().updateStatus(first.id(), AudioStatus.TRANSCRIBED, "asr-1").status()).isEqualTo(AudioStatus.TRANSCRIBED);
        assertThat(store.audio().releaseLease(second.id(), "asr-1").status()).isEqualTo(AudioStatus.UPLOADED);
        assertThat(store.audio().claim(new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 2, 60, "asr-2")))
                .extracting(c -> c.file().id()).containsExactly(second.id());
    }

    @Test
    void aWorkerChangesTheMetadataOfWhatItHoldsAloneOrWithItsStatus() {
        AudioFile file = ingest("a.wav");
        store.audio().claim(new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 1, 60, "asr-1"));
        ObjectNode progress = Metadata.empty().put("step", "decoding");

        assertThatThrownBy(() -> store.audio().updateMetadata(file.id(), progress, "asr-2"))
                .isInstanceOf(LeaseConflictException.class);
        assertThatThrownBy(() -> store.audio().updateStatus(file.id(), AudioStatus.PROCESSING, progress, "asr-2"))
                .as("a status the file is already in still checks the lease when metadata comes with it")
                .isInstanceOf(LeaseConflictException.class);
        assertRefused(() -> store.audio().updateStatus(file.id(), AudioStatus.TRANSCRIBED, Metadata.empty().put("bad", "\u0000"),
                "asr-1"), "metadata");
        assertThat(store.audio().get(file.id()).status()).isEqualTo(AudioStatus.PROCESSING);
        assertThat(store.audio().get(file.id()).metadata()).isEqualTo(file.metadata());

        assertRefused(() -> store.audio().updateMetadata(file.id(), null, "asr-1"), "metadata");
        assertThat(store.audio().updateMetadata(file.id(), progress, "asr-1").metadata()).isEqualTo(progress);
        assertThat(store.catalog().audioFiles().lease(file.id())).isPresent();
        AudioFile done = store.audio().updateStatus(file.id(), AudioStatus.TRANSCRIBED, Metadata.empty().put("step", "done"), "asr-1");
        assertThat(done.status()).isEqualTo(AudioStatus.TRANSCRIBED);
        assertThat(done.metadata().path("step").asText()).isEqualTo("done");
        assertThat(store.catalog().audioFiles().lease(file.id())).isEmpty();
    }

    @Test
    void movingALeasedFileToItsCurrentStatusStillChecksTheLease() {
        AudioFile file = ingest("a.wav");
        store.audio().claim(new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 1, 60, "asr-1"));

        assertThatThrownBy(() -> store.audio().updateStatus(file.id(), AudioStatus.PROCESSING, "asr-2"))
                .isInstanceOfSatisfying(LeaseConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(LeaseConflictException.Reason.HELD_BY_ANOTHER))
                .hasMessageContaining("its status stays processing");

        assertThat(store.audio().updateStatus(file.id(), AudioStatus.PROCESSING, "asr-1").status()).isEqualTo(AudioStatus.PROCESSING);
        assertThat(store.catalog().audioFiles().lease(file.id())).as("a no-op keeps the lease")
                .hasValueSatisfying(lease -> assertThat(lease.owner()).isEqualTo("asr-1"));
        assertThat(store.audio().updateStatus(file.id(), AudioStatus.PROCESSING).status()).as("the operator's override")
                .isEqualTo(AudioStatus.PROCESSING);
    }

    @Test
    void aClaimTheStateMachineForbidsIsAConflictAndMovesNothing() {
        AudioFile file = ingest("a.wav");

        assertThatThrownBy(() -> store.audio().claim(new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.ANALYZED, 1, 60, "w")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("from uploaded to analyzed");
        assertThat(store.audio().get(file.id()).status()).isEqualTo(AudioStatus.UPLOADED);
    }

    @Test
    void aClaimRequestOutsideItsBoundsNamesTheWireField() {
        assertRefused(() -> new ClaimRequest(null, AudioStatus.PROCESSING, 1, 60, "w"), "from_status");
        assertRefused(() -> new ClaimRequest(AudioStatus.UPLOADED, null, 1, 60, "w"), "to_status");
        assertRefused(() -> new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 0, 60, "w"), "limit");
        assertRefused(() -> new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 1, 0, "w"), "lease_seconds");
        assertRefused(() -> new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 1, Long.MAX_VALUE, "w"), "lease_seconds");
        assertRefused(() -> new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 1, 60, ""), "owner");
        assertThat(new ClaimRequest(AudioStatus.UPLOADED, AudioStatus.PROCESSING, 100, 86_400, "w").lease())
                .isEqualTo(Duration.ofDays(1));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
