package org.camelbyte.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camelbyte.app.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes of many threads at once, as runs starting or ending together make them: each caller learns what its own
 * statement did, although statements of the same SQL went to PostgreSQL as one batch, and a write that fails
 * fails alone.
 */
class GroupCommitTest {
    private static final int WRITERS = 48;
    private static final String INSERT = "INSERT INTO t (id, v) VALUES (?, 0) ON CONFLICT (id) DO NOTHING";
    private static final String BUMP_IF_EVEN = "UPDATE t SET v = v + 1 WHERE id = ? AND id % 2 = 0";

    private HikariDataSource db;
    private GroupCommit commits;
    private ExecutorService writers;

    @BeforeEach
    void open() throws SQLException {
        db = StateDatabase.open(TestPostgres.newDatabase("group_commit"), null, null, 4);
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id integer PRIMARY KEY, v integer NOT NULL, CHECK (v < 5))");
        }
        commits = new GroupCommit(db);
        writers = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void close() {
        writers.shutdownNow();
        commits.close();
        db.close();
    }

    @Test
    void eachWriterLearnsWhatItsOwnStatementChanged() throws Exception {
        List<Integer> inserted = together(id -> commits.write(INSERT, ps -> ps.setInt(1, id)));
        List<Integer> insertedAgain = together(id -> commits.write(INSERT, ps -> ps.setInt(1, id)));
        List<Integer> bumped = together(id -> commits.write(BUMP_IF_EVEN, ps -> ps.setInt(1, id)));

        assertThat(inserted).as("rows each first insert added").containsOnly(1);
        assertThat(insertedAgain).as("rows each repeated insert added").containsOnly(0);
        for (int id = 0; id < WRITERS; id++) {
            assertThat(bumped.get(id)).as("rows the update of %d changed", id).isEqualTo(id % 2 == 0 ? 1 : 0);
        }
        assertThat(sumOfV()).isEqualTo(WRITERS / 2);
    }

    @Test
    void aFailingWriteFailsAloneAndTheOthersLand() throws Exception {
        together(id -> commits.write(INSERT, ps -> ps.setInt(1, id)));
        // writer 7's statement breaks the table's check; the others' are fine
        List<Object> outcomes = new ArrayList<>(together(id -> {
            try {
                return commits.write("UPDATE t SET v = ? WHERE id = ?", ps -> {
                    ps.setInt(1, id == 7 ? 9 : 1);
                    ps.setInt(2, id);
                });
            } catch (SQLException e) {
                return e.getSQLState();
            }
        }));

        assertThat(outcomes.get(7)).as("the broken write's SQL state").isEqualTo("23514");
        outcomes.remove(7);
        assertThat(outcomes).containsOnly(1);
        assertThat(sumOfV()).isEqualTo(WRITERS - 1);
    }

    @Test
    void aWriteWhoseParametersCannotBeSetFailsAloneAndNoWriterWaitsForever() throws Exception {
        together(id -> commits.write(INSERT, ps -> ps.setInt(1, id)));
        List<Object> outcomes = new ArrayList<>(together(id -> {
            try {
                return commits.write("UPDATE t SET v = 1 WHERE id = ?", ps -> {
                    if (id == 7) {
                        throw new IllegalStateException("no value for writer 7");
                    }
                    ps.setInt(1, id);
                });
            } catch (SQLException e) {
                return e.getMessage();
            }
        }));

        assertThat(outcomes.get(7)).isEqualTo("no value for writer 7");
        outcomes.remove(7);
        assertThat(outcomes).containsOnly(1);
        assertThat(sumOfV()).isEqualTo(WRITERS - 1);
    }

    /**
     * A burst of runs keeps writes queued for as long as it lasts. A caller must still get its answer once its own
     * write is durable, not when the burst ends: the caller whose write began a commit was made to commit the
     * others' writes while any were queued, and the one run of 2,000 whose request it was started a second after
     * the rest. Here a burst begins while the caller's first write is being committed and lasts until the caller is
     * done, each of its writes queued before the one ahead of it is committed.
     */
    @Test
    void aWriterReturnsOnceItsOwnWriteIsDurableWhileOthersKeepWriting() throws Exception {
        together(id -> commits.write(INSERT, ps -> ps.setInt(1, id)));
        CountDownLatch callerCommitting = new CountDownLatch(1);
        CountDownLatch burstQueued = new CountDownLatch(1);
        AtomicBoolean burstGoesOn = new AtomicBoolean(true);
        Future<Integer> caller = writers.submit(() -> {
            int changed = commits.write("UPDATE t SET v = 0 WHERE id = 0", ps -> {
                callerCommitting.countDown();
                await(burstQueued);
            });
            for (int i = 0; i < 19; i++) {
                changed += commits.write("UPDATE t SET v = 0 WHERE id = 0", ps -> {});
            }
            return changed;
        });
        Future<Integer> burst = writers.submit(() -> {
            await(callerCommitting);
            return keepWriting(burstQueued, burstGoesOn);
        });
        try {
            // far longer than 20 commits take; the burst goes on until the caller is done
            assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo(20);
            assertThat(burst.isDone()).as("the burst done").isFalse();
        } finally {
            burstGoesOn.set(false);
        }
        assertThat(burst.get(30, TimeUnit.SECONDS)).as("writes of the burst").isGreaterThan(20);
    }

    /**
     * Writes one after the other without waiting for their commits, the next always queued before the one ahead of
     * it is bound: its statement waits for it. Answers the rows its writes changed.
     */
    private int keepWriting(CountDownLatch queued, AtomicBoolean goesOn) throws Exception {
        Semaphore beingBound = new Semaphore(0);
        Semaphore nextQueued = new Semaphore(0);
        GroupCommit.Parameters waitForNext = ps -> {
            beingBound.release();
            acquire(nextQueued);
            ps.setInt(1, 1);
        };
        String sql = "UPDATE t SET v = 0 WHERE id = ?";
        List<CompletableFuture<Integer>> written = new ArrayList<>();
        written.add(commits.writeLater(sql, waitForNext));
        queued.countDown();
        boolean more = true;
        while (more) {
            acquire(beingBound);
            more = goesOn.get();
            if (more) {
                written.add(commits.writeLater(sql, waitForNext));
            }
            nextQueued.release();
        }
        int rows = 0;
        for (CompletableFuture<Integer> f : written) {
            rows += f.get(30, TimeUnit.SECONDS);
        }
        return rows;
    }

    private static void acquire(Semaphore semaphore) {
        try {
            assertThat(semaphore.tryAcquire(30, TimeUnit.SECONDS))
                    .as("released")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls {@code write} for ids 0..WRITERS-1 from as many threads released at once; answers in id order. */
    private <T> List<T> together(Write<T> write) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int id = 0; id < WRITERS; id++) {
            int mine = id;
            futures.add(writers.submit(() -> {
                go.await();
                return write.apply(mine);
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            // bounded: a writer whose commit never comes fails the test instead of stalling it
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private int sumOfV() throws SQLException {
        try (Connection c = db.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT sum(v) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @FunctionalInterface
    private interface Write<T> {
        T apply(int id) throws Exception;
    }
}
