package org.camelbyte.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting for a job through a {@link JobFollower}, on a Camel scheduled pool, with a real {@link JobWatcher}
 * against the stand-in: the one way the app's runs and airbyte:sync wait. The job changes for real (it is
 * cancelled in Airbyte and the watcher reads it); the watcher never looks by itself here (its interval is an
 * hour), so the snapshot stays as it was until then.
 */
class JobFollowerTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private AirbyteStandIn standIn;
    private final WatcherThreads threads = new WatcherThreads();
    private CamelContext context;
    private ScheduledExecutorService scheduler;
    private AirbyteClient client;
    private JobWatcher watcher;
    private AirbyteJob started;

    @BeforeEach
    void startAJob() {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                workspaces:
                  - name: W
                connections:
                  - name: long
                    workspace: W
                    job:
                      - {status: running, seconds: 100000, rowsPerSecond: 10}
                      - {status: succeeded}
                """), 0);
        context = new DefaultCamelContext();
        context.start();
        scheduler = WaitScheduler.create(context, this, "followers", 2);
        client = StandInClients.client(standIn, ApiFlavour.PUBLIC);
        watcher = threads.watcher(client).interval(HOUR).build();
        started = client.startJob(client.listConnections().get(0).connectionId(), JobType.SYNC)
                .job();
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        threads.close();
        // the 3,000 hour-long timers are dropped, not awaited
        context.getExecutorServiceManager().shutdownNow(scheduler);
        context.close();
        standIn.close();
    }

    @Test
    void aWaitWokenByItsJobsChangeResumesWhileThousandsOfTimersWait() {
        // 3,000 other waits sitting out their poll interval on the same pool: past Camel's default queue of 1,000
        for (int i = 0; i < 3000; i++) {
            scheduler.schedule(() -> {}, 1, TimeUnit.HOURS);
        }
        JobFollower follower = new JobFollower(watcher, started);
        assertThat(follower.look())
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
        AtomicBoolean resumed = new AtomicBoolean();

        follower.awaitChange(scheduler, HOUR, () -> resumed.set(true));
        assertThat(resumed)
                .as("waits without holding a thread, until the job changes")
                .isFalse();
        changeTheJob();

        await().atMost(Duration.ofSeconds(5)).untilTrue(resumed);
        assertThat(follower.look())
                .hasValueSatisfying(job -> assertThat(job.status()).isEqualTo(JobStatus.CANCELLED));
    }

    @Test
    void waitsOnAJobThatDoesNotChangeHookItOnceAndTheChangeStillWakesTheLastWait() {
        JobFollower follower = new JobFollower(watcher, started);
        // a long sync with nothing new: 100 looks and waits, each ended by its timer, all on the same future
        for (int i = 0; i < 100; i++) {
            follower.look();
            AtomicBoolean resumed = new AtomicBoolean();
            follower.awaitChange(scheduler, Duration.ofMillis(1), () -> resumed.set(true));
            await().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .atMost(Duration.ofSeconds(5))
                    .untilTrue(resumed);
        }
        assertThat(watcher.nextChange(started.jobId()).getNumberOfDependents())
                .as("hooks left on the job's change future")
                .isEqualTo(1);

        follower.look();
        AtomicBoolean last = new AtomicBoolean();
        follower.awaitChange(scheduler, HOUR, () -> last.set(true));
        changeTheJob();

        await().atMost(Duration.ofSeconds(5)).untilTrue(last);
    }

    /** Airbyte cancels the job, and a webhook would have told the watcher so: it reads the job now. */
    private void changeTheJob() {
        client.cancelJob(started.jobId());
        assertThat(watcher.hurry(started.jobId()))
                .as("the watcher follows the job")
                .isTrue();
    }
}
