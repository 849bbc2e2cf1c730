package dev.pipestore.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pipestore.catalog.Role;
import dev.pipestore.testing.audio.TestAudio;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leases over HTTP with two worker keys: a worker moves on, renews or gives back only what it still holds; a worker
 * whose lease ran out is told so (409 lease-expired, or lease-held-by-another once someone reclaimed the file), and an
 * admin key overrides.
 */
class LeaseApiTest {

    @RegisterExtension
    static final ServerHarness SERVER = new ServerHarness();

    private static final AtomicInteger FRESH = new AtomicInteger();

    private static String workerA;
    private static String workerB;
    private static String workerBId;

    @BeforeAll
    static void twoWorkers() {
        workerA = SERVER.key(Role.WORKER);
        var created = SERVER.store().apiKeys().create(Role.WORKER, "asr-2");
        workerB = created.secret();
        workerBId = created.key().id().toString();
    }

    /** A fresh upload, moved to failed so that claims from failed find this file alone. */
    private static String failedFile() {
        String id = SERVER.upload(TestAudio.wav(1, 8000, 1, 300 + FRESH.incrementAndGet()), "lease.wav");
        SERVER.call("PATCH", "/v1/audio/" + id).as(Role.ADMIN).json("{\"status\": \"failed\"}").send().expect(200);
        return id;
    }

    /** Claims from failed into uploaded as {@code key}; returns the one claimed item, or null when nothing was handed out. */
    private static JsonNode claim(String key, long leaseSeconds, String owner) {
        String body = "{\"from_status\": \"failed\", \"to_status\": \"uploaded\", \"limit\": 1, \"lease_seconds\": " + leaseSeconds
                + (owner == null ? "" : ", \"owner\": \"" + owner + "\"") + "}";
        JsonNode items = SERVER.post("/v1/audio/claim").bearer(key).json(body).send().expect(200).json().path("items");
        assertThat(items.size()).isLessThanOrEqualTo(1);
        return items.isEmpty() ? null : items.get(0);
    }

    private static Reply complete(String key, String id, String owner) {
        String body = "{\"status\": \"processing\"" + (owner == null ? "" : ", \"owner\": \"" + owner + "\"") + "}";
        return SERVER.call("PATCH", "/v1/audio/" + id).bearer(key).json(body).send();
    }

    private static void sleepUntilAfter(String instant) throws InterruptedException {
        long wait = Duration.between(Instant.now(), Instant.parse(instant)).toMillis() + 50;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    @Test
    void aWorkerWhoseExpiredLeaseWasReclaimedCannotCompleteAndTheNewHolderCan() throws InterruptedException {
        String id = failedFile();
        JsonNode first = claim(workerA, 1, null);
        assertThat(first.path("id").asText()).isEqualTo(id);
        assertThat(claim(workerB, 60, null)).isNull();

        sleepUntilAfter(first.path("lease").path("expires_at").asText());
        JsonNode second = claim(workerB, 60, null);
        assertThat(second.path("id").asText()).isEqualTo(id);
        assertThat(second.path("lease").path("owner").asText()).isEqualTo(workerBId);

        JsonNode refused = complete(workerA, id, null).problem(409);
        assertThat(refused.path("type").asText()).isEqualTo("urn:pipestore:problem:lease-held-by-another");
        assertThat(refused.path("detail").asText()).contains(id, workerBId).doesNotContain(workerB);
        assertThat(SERVER.get("/v1/audio/" + id).as(Role.READ).send().expect(200).json().path("status").asText()).isEqualTo("uploaded");

        assertThat(complete(workerB, id, null).expect(200).json().path("status").asText()).isEqualTo("processing");
        assertThat(SERVER.store().catalog().audioFiles().lease(UUID.fromString(id))).isEmpty();
    }

    @Test
    void anExpiredLeaseNobodyReclaimedIsRefusedAsExpired() throws InterruptedException {
        String id = failedFile();
        JsonNode claimed = claim(workerA, 1, null);

        sleepUntilAfter(claimed.path("lease").path("expires_at").asText());

        JsonNode refused = complete(workerA, id, null).problem(409);
        assertThat(refused.path("type").asText()).isEqualTo("urn:pipestore:problem:lease-expired");
        assertThat(refused.path("detail").asText()).contains("expired at");
        SERVER.post("/v1/audio/" + id + "/lease").bearer(workerA).json("{\"lease_seconds\": 60}").send().problem(409);
        // Out of the way of the other tests' claims, which would take the expired lease.
        SERVER.call("PATCH", "/v1/audio/" + id).as(Role.ADMIN).json("{\"status\": \"processing\"}").send().expect(200);
    }

    @Test
    void renewalExtendsTheLeaseForItsHolderOnly() throws InterruptedException {
        String id = failedFile();
        JsonNode claimed = claim(workerA, 2, null);
        String firstExpiry = claimed.path("lease").path("expires_at").asText();

        JsonNode renewed = SERVER.post("/v1/audio/" + id + "/lease").bearer(workerA).json("{\"lease_seconds\": 600}").send()
                .expect(200).json();
        assertThat(renewed.path("id").asText()).isEqualTo(id);
        assertThat(Instant.parse(renewed.path("lease").path("expires_at").asText()))
                .isAfter(Instant.parse(firstExpiry).plusSeconds(500));

        JsonNode refused = SERVER.post("/v1/audio/" + id + "/lease").bearer(workerB).json("{\"lease_seconds\": 600}").send()
                .problem(409);
        assertThat(refused.path("type").asText()).isEqualTo("urn:pipestore:problem:lease-held-by-another");
        SERVER.post("/v1/audio/" + id + "/lease").bearer(workerA).json("{\"lease_seconds\": 86401}").send()
                .problem(400, "lease_seconds");
        SERVER.post("/v1/audio/" + id + "/lease").bearer(workerA).json("{\"lease_secs\": 5}").send().problem(400);

        sleepUntilAfter(firstExpiry);
        assertThat(claim(workerB, 60, null)).isNull();
        complete(workerA, id, null).expect(200);
        SERVER.post("/v1/audio/" + id + "/lease").bearer(workerA).json("{}").send().problem(409);
    }

    @Test
    void aWorkerGivesAFileBackAndAnotherClaimsItAtOnce() {
        String id = failedFile();
        claim(workerA, 600, null);

        SERVER.call("DELETE", "/v1/audio/" + id + "/lease").bearer(workerB).send().problem(409);
        JsonNode back = SERVER.call("DELETE", "/v1/audio/" + id + "/lease").bearer(workerA).send().expect(200).json();

        assertThat(back.path("status").asText()).isEqualTo("failed");
        assertThat(claim(workerB, 600, null).path("id").asText()).isEqualTo(id);
        SERVER.call("DELETE", "/v1/audio/" + id + "/lease").as(Role.ADMIN).send().expect(200);
        SERVER.call("PATCH", "/v1/audio/" + id).as(Role.ADMIN).json("{\"status\": \"archived\"}").send().expect(200);
        JsonNode notLeased = SERVER.call("DELETE", "/v1/audio/" + id + "/lease").as(Role.ADMIN).send().problem(409);
        assertThat(notLeased.path("type").asText()).isEqualTo("urn:pipestore:problem:not-leased");
    }

    @Test
    void aLabelledLeaseIsHeldByTheKeyAndItsLabelTogether() {
        String id = failedFile();
        String workerAId = SERVER.store().apiKeys().authenticate(workerA).orElseThrow().id().toString();
        JsonNode claimed = claim(workerA, 600, "gpu-0");
        assertThat(claimed.path("lease").path("owner").asText()).isEqualTo(workerAId + "/gpu-0");

        complete(workerA, id, null).problem(409);
        complete(workerA, id, "gpu-1").problem(409);
        complete(workerB, id, "gpu-0").problem(409);
        SERVER.post("/v1/audio/claim").bearer(workerA).json("{\"from_status\": \"failed\", \"to_status\": \"uploaded\", \"owner\": \""
                + "x".repeat(64) + "\"}").send().problem(400, "owner");
        assertThat(complete(workerA, id, "gpu-0").expect(200).json().path("status").asText()).isEqualTo("processing");
    }

    @Test
    void onlyTheHolderChangesALeasedFilesMetadataAndKeepsItsLease() {
        String id = failedFile();
        claim(workerA, 600, null);
        String before = SERVER.get("/v1/audio/" + id).as(Role.READ).send().expect(200).json().path("metadata").toString();

        JsonNode refused = SERVER.call("PATCH", "/v1/audio/" + id).bearer(workerB).json("{\"metadata\": {\"step\": \"b\"}}")
                .send().problem(409);
        assertThat(refused.path("type").asText()).isEqualTo("urn:pipestore:problem:lease-held-by-another");
        assertThat(SERVER.get("/v1/audio/" + id).as(Role.READ).send().expect(200).json().path("metadata").toString()).isEqualTo(before);

        JsonNode updated = SERVER.call("PATCH", "/v1/audio/" + id).bearer(workerA).json("{\"metadata\": {\"step\": \"a\"}}")
                .send().expect(200).json();
        assertThat(updated.path("metadata").path("step").asText()).isEqualTo("a");
        assertThat(updated.path("status").asText()).isEqualTo("uploaded");
        assertThat(SERVER.store().catalog().audioFiles().lease(UUID.fromString(id))).isPresent();
        SERVER.call("PATCH", "/v1/audio/" + id).as(Role.ADMIN).json("{\"metadata\": {\"step\": \"admin\"}}").send().expect(200);
    }

    @Test
    void theHolderCompletesAndReplacesTheMetadataTogetherAndARefusalChangesNeither() {
        String id = failedFile();
        claim(workerA, 600, null);

        SERVER.call("PATCH", "/v1/audio/" + id).bearer(workerB).json("{\"status\": \"processing\", \"metadata\": {\"by\": \"b\"}}")
                .send().problem(409);
        JsonNode unchanged = SERVER.get("/v1/audio/" + id).as(Role.READ).send().expect(200).json();
        assertThat(unchanged.path("status").asText()).isEqualTo("uploaded");
        assertThat(unchanged.path("metadata").has("by")).isFalse();

        JsonNode done = SERVER.call("PATCH", "/v1/audio/" + id).bearer(workerA)
                .json("{\"status\": \"processing\", \"metadata\": {\"by\": \"a\"}}").send().expect(200).json();
        assertThat(done.path("status").asText()).isEqualTo("processing");
        assertThat(done.path("metadata").path("by").asText()).isEqualTo("a");
        assertThat(SERVER.store().catalog().audioFiles().lease(UUID.fromString(id))).isEmpty();
    }

    @Test
    void anAdminKeyMovesALeasedFileWhoeverHoldsIt() {
        String id = failedFile();
        claim(workerA, 600, null);

        SERVER.call("PATCH", "/v1/audio/" + id).as(Role.ADMIN).json("{\"status\": \"processing\"}").send().expect(200);

        assertThat(SERVER.store().catalog().audioFiles().lease(UUID.fromString(id))).isEmpty();
    }
}
