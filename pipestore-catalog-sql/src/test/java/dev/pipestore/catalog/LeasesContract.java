package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.ConflictException;
import dev.pipestore.InvalidInputException;
import dev.pipestore.LeaseConflictException;
import dev.pipestore.LeaseConflictException.Reason;
import dev.pipestore.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The contract of what a lease holder does with a claimed file: move it on only while it holds the lease, renew the
 * lease, give the file back; and what others are refused.
 */
interface LeasesContract extends UsesCatalog {

    Duration LEASE = Duration.ofMinutes(5);
    Instant NOW = Instant.parse("2026-11-28T12:00:00.000001Z");
    AudioStatus FROM = AudioStatus.UPLOADED;
    AudioStatus CLAIMED = AudioStatus.PROCESSING;
    AudioStatus DONE = AudioStatus.TRANSCRIBED;

    private AudioFile claimedBy(String owner) {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));
        List<ClaimedAudioFile> claimed = catalog().audioFiles().claim(FROM, CLAIMED, 1, LEASE, owner, NOW);
        assertThat(claimed).extracting(c -> c.file().id()).containsExactly(file.id());
        return claimed.get(0).file();
    }

    private AudioFile complete(UUID id, String holder, Instant now) {
        return catalog().audioFiles().updateStatus(id, CLAIMED, DONE, holder, now);
    }

    private static void assertLeaseConflict(ThrowingCallable call, Reason reason, String... mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LeaseConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(mentions);
        });
    }

    @Test
    default void theHolderMovesTheFileOnWithinItsLeaseAndTheLeaseEnds() {
        AudioFile file = claimedBy("worker-1");

        AudioFile done = complete(file.id(), "worker-1", NOW.plus(LEASE).minusMillis(1));

        assertThat(done.status()).isEqualTo(DONE);
        assertThat(catalog().audioFiles().lease(file.id())).isEmpty();
        assertThat(catalog().audioFiles().claim(FROM, CLAIMED, 1, LEASE, "worker-2", NOW.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    default void anExpiredLeaseReclaimedByAnotherWorkerRefusesTheFirstWorkersCompletion() {
        AudioFile file = claimedBy("worker-1");
        Instant later = NOW.plus(LEASE);
        List<ClaimedAudioFile> reclaimed = catalog().audioFiles().claim(FROM, CLAIMED, 1, LEASE, "worker-2", later);
        assertThat(reclaimed).extracting(c -> c.file().id()).containsExactly(file.id());

        assertLeaseConflict(() -> complete(file.id(), "worker-1", later.plusSeconds(1)), Reason.HELD_BY_ANOTHER,
                "leased by another worker (worker-2", "not by worker-1");

        assertThat(catalog().audioFiles().get(file.id()).status()).isEqualTo(CLAIMED);
        assertThat(catalog().audioFiles().lease(file.id())).contains(new Lease("worker-2", later.plus(LEASE), FROM));
        assertThat(complete(file.id(), "worker-2", later.plusSeconds(2)).status()).isEqualTo(DONE);
    }

    @Test
    default void anExpiredLeaseNobodyReclaimedStillRefusesItsHolder() {
        AudioFile file = claimedBy("worker-1");

        assertLeaseConflict(() -> complete(file.id(), "worker-1", NOW.plus(LEASE)), Reason.EXPIRED,
                "lease of worker-1 expired at " + NOW.plus(LEASE));

        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
        assertThat(catalog().audioFiles().lease(file.id())).isPresent();
    }

    @Test
    default void anotherWorkerMayNotMoveALeasedFile() {
        AudioFile file = claimedBy("worker-1");

        assertLeaseConflict(() -> complete(file.id(), "worker-2", NOW), Reason.HELD_BY_ANOTHER, "worker-1", "not by worker-2");
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
    }

    @Test
    default void aFileNobodyClaimedMovesForAnyWorker() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));

        assertThat(catalog().audioFiles().updateStatus(file.id(), FROM, AudioStatus.FAILED, "anyone", NOW).status())
                .isEqualTo(AudioStatus.FAILED);
    }

    @Test
    default void aHolderMoveFromAStatusTheFileIsNotInIsAPlainConflict() {
        AudioFile file = claimedBy("worker-1");

        assertThatThrownBy(() -> catalog().audioFiles().updateStatus(file.id(), FROM, DONE, "worker-1", NOW))
                .isInstanceOf(ConflictException.class).isNotInstanceOf(LeaseConflictException.class)
                .hasMessageContaining("is processing, not uploaded");
    }

    @Test
    default void theOverrideMovesALeasedFileWhoeverHoldsIt() {
        AudioFile file = claimedBy("worker-1");

        assertThat(catalog().audioFiles().updateStatus(file.id(), CLAIMED, AudioStatus.FAILED).status()).isEqualTo(AudioStatus.FAILED);
        assertThat(catalog().audioFiles().lease(file.id())).isEmpty();
    }

    @Test
    default void theHolderMovesTheFileOnAndReplacesItsMetadataInOneWrite() {
        AudioFile file = claimedBy("worker-1");

        AudioFile done = catalog().audioFiles().updateStatus(file.id(), CLAIMED, DONE, Samples.json("{\"words\":12}"), "worker-1", NOW);

        assertThat(done.status()).isEqualTo(DONE);
        assertThat(done.metadata()).isEqualTo(Samples.json("{\"words\":12}"));
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(done);
        assertThat(catalog().audioFiles().lease(file.id())).isEmpty();
    }

    @Test
    default void aRefusedMoveLeavesTheMetadataAsItWas() {
        AudioFile file = claimedBy("worker-1");

        assertLeaseConflict(() -> catalog().audioFiles().updateStatus(file.id(), CLAIMED, DONE, Samples.json("{\"x\":1}"),
                "worker-2", NOW), Reason.HELD_BY_ANOTHER, "worker-1");
        assertThatThrownBy(() -> catalog().audioFiles().updateStatus(file.id(), FROM, DONE, Samples.json("{\"x\":2}")))
                .isInstanceOf(ConflictException.class);

        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);
    }

    @Test
    default void theOverrideMovesAndReplacesTheMetadataWhoeverHoldsTheLease() {
        AudioFile file = claimedBy("worker-1");

        AudioFile failed = catalog().audioFiles().updateStatus(file.id(), CLAIMED, AudioStatus.FAILED, Samples.json("{\"why\":\"bad\"}"));

        assertThat(failed.status()).isEqualTo(AudioStatus.FAILED);
        assertThat(failed.metadata()).isEqualTo(Samples.json("{\"why\":\"bad\"}"));
        assertThat(catalog().audioFiles().lease(file.id())).isEmpty();
    }

    @Test
    default void onlyTheHolderReplacesALeasedFilesMetadataAndTheLeaseStays() {
        AudioFile file = claimedBy("worker-1");
        Lease lease = catalog().audioFiles().lease(file.id()).orElseThrow();

        assertLeaseConflict(() -> catalog().audioFiles().updateMetadata(file.id(), Samples.json("{\"x\":1}"), "worker-2", NOW),
                Reason.HELD_BY_ANOTHER, "worker-1", "not by worker-2", "metadata was not changed");
        assertLeaseConflict(() -> catalog().audioFiles().updateMetadata(file.id(), Samples.json("{\"x\":1}"), "worker-1",
                NOW.plus(LEASE)), Reason.EXPIRED, "worker-1");
        assertThat(catalog().audioFiles().get(file.id())).isEqualTo(file);

        AudioFile updated = catalog().audioFiles().updateMetadata(file.id(), Samples.json("{\"x\":3}"), "worker-1", NOW);

        assertThat(updated.metadata()).isEqualTo(Samples.json("{\"x\":3}"));
        assertThat(updated.status()).isEqualTo(CLAIMED);
        assertThat(catalog().audioFiles().lease(file.id())).contains(lease);
    }

    @Test
    default void anUnclaimedFilesMetadataIsReplacedForAnyWorker() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));

        assertThat(catalog().audioFiles().updateMetadata(file.id(), Samples.json("{\"x\":4}"), "anyone", NOW).metadata())
                .isEqualTo(Samples.json("{\"x\":4}"));
        assertThatThrownBy(() -> catalog().audioFiles().updateMetadata(UUID.randomUUID(), Samples.json("{}"), "anyone", NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    default void renewalExtendsTheLeaseFromNowAndKeepsOtherClaimersOff() {
        AudioFile file = claimedBy("worker-1");
        Instant renewedAt = NOW.plus(LEASE).minusSeconds(1);

        ClaimedAudioFile renewed = catalog().audioFiles().renewLease(file.id(), "worker-1", Duration.ofMinutes(30), renewedAt);

        Lease expected = new Lease("worker-1", renewedAt.plus(Duration.ofMinutes(30)), FROM);
        assertThat(renewed.lease()).isEqualTo(expected);
        assertThat(renewed.file()).isEqualTo(file);
        assertThat(catalog().audioFiles().lease(file.id())).contains(expected);
        assertThat(catalog().audioFiles().claim(FROM, CLAIMED, 1, LEASE, "worker-2", NOW.plus(LEASE).plusSeconds(60))).isEmpty();
        assertThat(complete(file.id(), "worker-1", NOW.plus(Duration.ofMinutes(20))).status()).isEqualTo(DONE);
    }

    @Test
    default void renewalByAnotherWorkerIsRefusedAndChangesNothing() {
        AudioFile file = claimedBy("worker-1");

        assertLeaseConflict(() -> catalog().audioFiles().renewLease(file.id(), "worker-2", LEASE, NOW), Reason.HELD_BY_ANOTHER,
                "worker-1", "not renewed");

        assertThat(catalog().audioFiles().lease(file.id())).contains(new Lease("worker-1", NOW.plus(LEASE), FROM));
    }

    @Test
    default void anExpiredLeaseCannotBeRenewed() {
        AudioFile file = claimedBy("worker-1");

        assertLeaseConflict(() -> catalog().audioFiles().renewLease(file.id(), "worker-1", LEASE, NOW.plus(LEASE)),
                Reason.EXPIRED, "expired");
        assertThat(catalog().audioFiles().lease(file.id())).contains(new Lease("worker-1", NOW.plus(LEASE), FROM));
    }

    @Test
    default void aFileWithoutALeaseHasNothingToRenewOrGiveBack() {
        AudioFile file = catalog().audioFiles().insert(Samples.audio(at(0)));

        assertLeaseConflict(() -> catalog().audioFiles().renewLease(file.id(), "worker-1", LEASE, NOW), Reason.NOT_LEASED,
                "not leased");
        assertLeaseConflict(() -> catalog().audioFiles().releaseLease(file.id(), "worker-1", NOW), Reason.NOT_LEASED,
                "not leased");
        assertLeaseConflict(() -> catalog().audioFiles().releaseLease(file.id(), null, NOW), Reason.NOT_LEASED, "not leased");
    }

    @Test
    default void renewalRefusesALeaseOutsideTheClaimLimits() {
        AudioFile file = claimedBy("worker-1");

        assertThatThrownBy(() -> catalog().audioFiles().renewLease(file.id(), "worker-1", Duration.ofHours(25), NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("lease_seconds"));
        assertThatThrownBy(() -> catalog().audioFiles().renewLease(file.id(), " ", LEASE, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("owner"));
        assertThat(catalog().audioFiles().lease(file.id())).contains(new Lease("worker-1", NOW.plus(LEASE), FROM));
    }

    @Test
    default void givingAFileBackReturnsItToItsEarlierStatusClaimableAtOnce() {
        AudioFile file = claimedBy("worker-1");

        AudioFile back = catalog().audioFiles().releaseLease(file.id(), "worker-1", NOW.plusSeconds(1));

        assertThat(back.status()).isEqualTo(FROM);
        assertThat(back.updatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThat(catalog().audioFiles().lease(file.id())).isEmpty();
        assertThat(catalog().audioFiles().claim(FROM, CLAIMED, 1, LEASE, "worker-2", NOW.plusSeconds(2)))
                .extracting(c -> c.file().id()).containsExactly(file.id());
    }

    @Test
    default void onlyTheHolderOrTheOverrideGivesAFileBack() {
        AudioFile file = claimedBy("worker-1");

        assertLeaseConflict(() -> catalog().audioFiles().releaseLease(file.id(), "worker-2", NOW), Reason.HELD_BY_ANOTHER,
                "worker-1");
        assertLeaseConflict(() -> catalog().audioFiles().releaseLease(file.id(), "worker-1", NOW.plus(LEASE)), Reason.EXPIRED,
                "expired");
        assertThat(catalog().audioFiles().get(file.id()).status()).isEqualTo(CLAIMED);

        assertThat(catalog().audioFiles().releaseLease(file.id(), null, NOW.plus(LEASE)).status()).isEqualTo(FROM);
    }

    @Test
    default void leaseOperationsOnAnUnknownFileAreNotFound() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> complete(id, "w", NOW)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog().audioFiles().renewLease(id, "w", LEASE, NOW)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> catalog().audioFiles().releaseLease(id, "w", NOW)).isInstanceOf(NotFoundException.class);
    }
}
