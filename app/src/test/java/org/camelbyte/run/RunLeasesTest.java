package org.camelbyte.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.camelbyte.app.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' claims on one state database: one owner per run, and a run moves only when its lease has passed. */
class RunLeasesTest {
    private static final Duration LONG = Duration.ofMinutes(1);
    private HikariDataSource db;

    @BeforeEach
    void openDatabase() {
        db = StateDatabase.open(TestPostgres.newDatabase("leases"), null, null, 4);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void aRunRecordedByOneInstanceIsNotClaimedByAnotherWhileItsLeaseHolds() {
        RunLeases a = leases("a", LONG);
        RunLeases b = leases("b", LONG);
        Run run = record("a", LONG, false);

        assertThat(b.claimable(true)).isEmpty();
        assertThat(b.claim(run.getRunId())).isFalse();
        assertThat(a.renew()).isEqualTo(1);
        assertThat(a.owned()).containsExactly(run.getRunId());
        assertThat(b.owned()).isEmpty();
    }

    @Test
    void aRenewalSkipsARunWhoseRowAWriteHoldsInsteadOfWaitingForIt() throws Exception {
        RunLeases a = leases("a", LONG);
        Run busy = record("a", LONG, false);
        record("a", LONG, false);

        try (Connection write = db.getConnection()) {
            write.setAutoCommit(false);
            try (PreparedStatement ps = write.prepareStatement("UPDATE runs SET rows_synced=1 WHERE run_id=?")) {
                ps.setString(1, busy.getRunId());
                ps.executeUpdate();
            }
            // a renewal that waited for the write would never return here: the write commits after it
            assertThat(CompletableFuture.supplyAsync(a::renew).get(10, TimeUnit.SECONDS))
                    .as("runs renewed while one row is held")
                    .isEqualTo(1);
            write.commit();
        }
        assertThat(a.renew()).isEqualTo(2);
    }

    @Test
    void aReleasedRunIsClaimedByExactlyOneInstance() {
        RunLeases a = leases("a", LONG);
        RunLeases b = leases("b", LONG);
        RunLeases c = leases("c", LONG);
        Run run = record("a", LONG, false);

        assertThat(a.release()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.claimable(false).contains(run.getRunId()));
        assertThat(b.claim(run.getRunId())).isTrue();
        assertThat(c.claim(run.getRunId())).isFalse();
        assertThat(a.claim(run.getRunId())).isFalse();
        assertThat(b.owned()).containsExactly(run.getRunId());
    }

    @Test
    void aLeaseNotRenewedInTimeLetsAnotherInstanceTakeTheRun() {
        RunLeases b = leases("b", LONG);
        Run run = record("gone", Duration.ofMillis(200), false);

        await().atMost(Duration.ofSeconds(5)).until(() -> b.claimable(false).contains(run.getRunId()));
        assertThat(b.claim(run.getRunId())).isTrue();
    }

    @Test
    void aRestartedInstanceTakesBackItsOwnRunsOnlyOnItsFirstPass() {
        RunLeases again = leases("a", LONG);
        Run run = record("a", LONG, false);

        assertThat(again.claimable(false)).isEmpty();
        assertThat(again.claimable(true)).containsExactly(run.getRunId());
        assertThat(again.claim(run.getRunId())).isTrue();
    }

    @Test
    void aHeldRunIsLetGoOnceAndOwnedByWhoeverLetItGo() {
        RunLeases b = leases("b", LONG);
        RunLeases c = leases("c", LONG);
        Run held = record("a", LONG, true);

        assertThat(b.unhold(held.getRunId())).isTrue();
        assertThat(c.unhold(held.getRunId())).isFalse();
        assertThat(b.owned()).containsExactly(held.getRunId());
    }

    @Test
    void theInstanceIdIsKeptInTheDataDirUnlessConfigured() throws Exception {
        Path dataDir = Files.createTempDirectory("camelbyte-instance");
        String first = InstanceId.resolve(null, dataDir);

        assertThat(InstanceId.resolve("", dataDir)).isEqualTo(first);
        assertThat(InstanceId.resolve(null, Files.createTempDirectory("camelbyte-other")))
                .isNotEqualTo(first);
        assertThat(InstanceId.resolve("node-1", dataDir)).isEqualTo("node-1");
    }

    private RunLeases leases(String owner, Duration duration) {
        return new RunLeases(db, new Lease(owner, duration));
    }

    private Run record(String owner, Duration lease, boolean held) {
        Run run = new Run();
        run.setRunId(UUID.randomUUID().toString());
        run.setRequestId(run.getRunId());
        run.setPipeline("orders");
        run.setConnectionName("orders (TEST)");
        run.setJobType("sync");
        run.setTrigger("http");
        run.setHeld(held);
        run.setStatus(RunStatus.QUEUED);
        run.setStartedAt(Instant.now());
        try (RunStore store = new RunStore(db, new ObjectMapper(), new Lease(owner, lease))) {
            return store.insertOrGetExisting(run);
        }
    }
}
