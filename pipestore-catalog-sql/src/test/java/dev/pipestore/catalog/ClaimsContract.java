package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import dev.pipestore.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link AudioFiles#claim}: leases, order, limits, expiry and completion, one claimer at a time. */
interface ClaimsContract extends UsesCatalog {

    Duration LEASE = Duration.ofMinutes(5);
    Instant NOW = Instant.parse("2026-11-28T12:00:00.000001Z");

    private List<ClaimedAudioFile> claim(int limit, String owner, Instant now) {
        return catalog().audioFiles().claim(AudioStatus.UPLOADED, AudioStatus.PROCESSING, limit, LEASE, owner, now);
    }

    private List<AudioFile> insertUploaded(int count) {
        List<AudioFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(catalog().audioFiles().insert(Samples.audio(at(i))));
        }
        return files;
    }

    private static List<UUID> ids(List<ClaimedAudioFile> claimed) {
        return claimed.stream().map(c -> c.file().id()).toList();
    }

    @Test
    default void claimMovesTheOldestFilesToTheNewStatusUnderALease() {
        List<AudioFile> files = insertUploaded(3);
        AudioFile transcribed = catalog().audioFiles().insert(Samples.audio(at(-10)));
        catalog().audioFiles().updateStatus(transcribed.id(), AudioStatus.UPLOADED, AudioStatus.TRANSCRIBED);

        List<ClaimedAudioFile> claimed = claim(2, "worker-1", NOW);

        Lease lease = new Lease("worker-1", NOW.plus(LEASE), AudioStatus.UPLOADED);
        assertThat(ids(claimed)).containsExactly(files.get(0).id(), files.get(1).id());
        assertThat(claimed).allSatisfy(c -> {
            assertThat(c.lease()).isEqualTo(lease);
            assertThat(c.file().status()).isEqualTo(AudioStatus.PROCESSING);
            assertThat(c.file().updatedAt()).isEqualTo(NOW);
            assertThat(catalog().audioFiles().get(c.file().id())).isEqualTo(c.file());
            assertThat(catalog().audioFiles().lease(c.file().id())).contains(lease);
        });
        assertThat(claimed.get(0).file()).isEqualTo(files.get(0).withStatus(AudioStatus.PROCESSING, NOW));
        assertThat(catalog().audioFiles().get(files.get(2).id()).status()).isEqualTo(AudioStatus.UPLOADED);
        assertThat(catalog().audioFiles().lease(files.get(2).id())).isEmpty();
    }

    @Test
    default void claimHandsOutAtMostTheLimitAndNothingOnceAllAreTaken() {
        insertUploaded(5);

        assertThat(claim(3, "w", NOW)).hasSize(3);
        assertThat(claim(3, "w", NOW)).hasSize(2);
        assertThat(claim(3, "w", NOW)).isEmpty();
    }

    /**
     * A claim from the status another claim moved files to (the next stage of a chain, or "uploaded" after a retry
     * claim from "failed") does not take them while that lease runs: the holder's completion would be refused and two
     * workers would do the same work. Once the lease expires they are claimable from there too.
     */
    @Test
    default void aClaimFromTheStatusAnotherClaimMovedFilesToLeavesThemWhileTheLeaseRuns() {
        List<AudioFile> files = insertUploaded(2);
        claim(1, "stage-1", NOW);

        List<ClaimedAudioFile> next = catalog().audioFiles().claim(AudioStatus.PROCESSING, AudioStatus.TRANSCRIBED, 10,
                LEASE, "stage-2", NOW.plus(LEASE).minusMillis(1));

        assertThat(next).isEmpty();
        assertThat(catalog().audioFiles().lease(files.get(0).id()).orElseThrow().owner()).isEqualTo("stage-1");
        assertThat(ids(catalog().audioFiles().claim(AudioStatus.PROCESSING, AudioStatus.TRANSCRIBED, 10, LEASE, "stage-2",
                NOW.plus(LEASE)))).containsExactly(files.get(0).id());
    }

    @Test
    default void aSecondClaimerGetsDifferentFiles() {
        List<AudioFile> files = insertUploaded(4);

        List<UUID> first = ids(claim(2, "worker-1", NOW));
        List<UUID> second = ids(claim(2, "worker-2", NOW));

        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThat(second).containsExactly(files.get(2).id(), files.get(3).id());
        assertThat(catalog().audioFiles().lease(second.get(0)).orElseThrow().owner()).isEqualTo("worker-2");
    }

    @Test
    default void anExpiredLeaseMakesTheFileClaimableAgainByAnotherClaimer() {
        AudioFile file = insertUploaded(1).get(0);
        claim(1, "crashed-worker", NOW);

        assertThat(claim(1, "worker-2", NOW.plus(LEASE).minusMillis(1))).isEmpty();
        List<ClaimedAudioFile> again = claim(1, "worker-2", NOW.plus(LEASE));

        assertThat(ids(again)).containsExactly(file.id());
        assertThat(again.get(0).lease()).isEqualTo(new Lease("worker-2", NOW.plus(LEASE).plus(LEASE), AudioStatus.UPLOADED));
        assertThat(again.get(0).file().status()).isEqualTo(AudioStatus.PROCESSING);
    }

    @Test
    default void aCompletedFileIsNotReclaimedAndHasNoLease() {
        AudioFile file = insertUploaded(1).get(0);
        claim(1, "worker-1", NOW);

        catalog().audioFiles().updateStatus(file.id(), AudioStatus.PROCESSING, AudioStatus.TRANSCRIBED);

        assertThat(catalog().audioFiles().lease(file.id())).isEmpty();
        assertThat(claim(1, "worker-2", NOW.plus(Duration.ofDays(2)))).isEmpty();
        assertThat(catalog().audioFiles().claim(AudioStatus.TRANSCRIBED, AudioStatus.PROCESSING, 1, LEASE, "w",
                NOW.plus(Duration.ofDays(2)))).extracting(c -> c.file().id()).containsExactly(file.id());
    }

    @Test
    default void aFileGivenBackIsClaimableAtOnce() {
        AudioFile file = insertUploaded(1).get(0);
        claim(1, "worker-1", NOW);

        catalog().audioFiles().updateStatus(file.id(), AudioStatus.PROCESSING, AudioStatus.UPLOADED);

        assertThat(ids(claim(1, "worker-2", NOW))).containsExactly(file.id());
    }

    @Test
    default void anExpiredLeaseTakenFromAnotherStatusIsNotClaimable() {
        AudioFile file = insertUploaded(1).get(0);
        catalog().audioFiles().updateStatus(file.id(), AudioStatus.UPLOADED, AudioStatus.TRANSCRIBED);
        catalog().audioFiles().claim(AudioStatus.TRANSCRIBED, AudioStatus.PROCESSING, 1, LEASE, "w", NOW);

        assertThat(claim(1, "worker-2", NOW.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    default void aFileMovedWithoutAClaimHasNoLeaseAndIsNotReclaimed() {
        AudioFile file = insertUploaded(1).get(0);
        catalog().audioFiles().updateStatus(file.id(), AudioStatus.UPLOADED, AudioStatus.PROCESSING);

        assertThat(catalog().audioFiles().lease(file.id())).isEmpty();
        assertThat(claim(1, "w", NOW.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    default void claimRefusesArgumentsOutsideItsBoundsNamingTheField() {
        AudioFiles files = catalog().audioFiles();
        AudioStatus up = AudioStatus.UPLOADED;
        AudioStatus proc = AudioStatus.PROCESSING;
        String longOwner = "w".repeat(101);

        assertRefused(() -> files.claim(up, proc, 0, LEASE, "w", NOW), "limit");
        assertRefused(() -> files.claim(up, proc, 101, LEASE, "w", NOW), "limit");
        assertRefused(() -> files.claim(up, proc, 1, Duration.ofMillis(999), "w", NOW), "lease_seconds");
        assertRefused(() -> files.claim(up, proc, 1, Duration.ofHours(24).plusSeconds(1), "w", NOW), "lease_seconds");
        assertRefused(() -> files.claim(up, proc, 1, LEASE, " ", NOW), "owner");
        assertRefused(() -> files.claim(up, proc, 1, LEASE, longOwner, NOW), "owner");
        assertRefused(() -> files.claim(up, up, 1, LEASE, "w", NOW), "to_status");
        assertRefused(() -> files.claim(null, proc, 1, LEASE, "w", NOW), "from_status");
        assertThat(files.claim(up, proc, 100, Duration.ofHours(24), "w".repeat(100), NOW)).isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    default void leaseOfAnUnknownFileIsNotFound() {
        assertThatThrownBy(() -> catalog().audioFiles().lease(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }
}
