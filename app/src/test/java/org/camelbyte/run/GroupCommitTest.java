package org.camelbyte.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
