package org.camelbyte.run;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;

/**
 * Writes of a run's record as its steps go: recording it, each step's update (some only while a condition
 * holds), why it waits, its team's results. The record's writes share commits ({@link GroupCommit}).
 */
final class RunWrites implements AutoCloseable {
    private final DataSource dataSource;
    private final RunColumns columns;
    private final Lease lease;
    private final GroupCommit commits;
    private final String insert;
    private final String update;

    RunWrites(DataSource dataSource, RunColumns columns, Lease lease) {
        this.dataSource = dataSource;
        this.columns = columns;
        this.lease = lease;
        this.commits = new GroupCommit(dataSource);
        this.insert = "INSERT INTO runs (" + columns.inserted() + ", owner, lease_until, outcome_pending)"
                + " VALUES (" + columns.insertedPlaceholders() + ", ?, now() + ? * interval '1 millisecond', ?)"
                + " ON CONFLICT (request_id) DO NOTHING";
        this.update = "UPDATE runs SET " + columns.updatedAssignments()
                + ", outcome_pending = outcome_pending OR ?, updated_at=now() WHERE run_id=?";
    }

    @Override
    public void close() {
        commits.close();
    }

    /** Records a new run, owned under the lease; answers whether it was (false: its requestId is taken). */
    boolean insert(Run run) {
        try {
            return commits.write(insert, ps -> {
                        int next = columns.bindInserted(ps, run);
                        ps.setString(next++, lease.owner());
                        ps.setLong(next++, lease.duration().toMillis());
                        // a run recorded already ended (a skipped member of a group run) has its outcome event due
                        ps.setBoolean(next, run.isFinal());
                    })
                    == 1;
        } catch (SQLException e) {
            throw new RunStoreException("could not record run " + run.getRunId(), e);
        }
    }

    /**
     * Writes every column a run changes, only while {@code condition} (SQL after the run_id) holds; answers
     * whether it did. {@code endsRun}: this write records the run's outcome (the condition holds only while no
     * other write did), so its outcome event becomes due in the same statement: the outbox.
     */
    boolean updateIf(Run run, String condition, boolean endsRun) {
        try {
            return updateIfLater(run, condition, endsRun).get();
        } catch (ExecutionException e) {
            throw (RunStoreException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoreException("interrupted while waiting for the commit of run " + run.getRunId(), e);
        }
    }

    /** {@link #updateIf} answered once its shared commit is durable, without waiting for it. */
    CompletableFuture<Boolean> updateIfLater(Run run, String condition, boolean endsRun) {
        String sql = update + condition;
        return commits.writeLater(sql, ps -> {
                    int next = columns.bindUpdated(ps, run);
                    ps.setBoolean(next++, endsRun && run.isFinal());
                    ps.setString(next, run.getRunId());
                })
                .handle((rows, e) -> {
                    if (e != null) {
                        throw new RunStoreException("could not update run " + run.getRunId(), e);
                    }
                    return rows == 1;
                });
    }

    void recordWaiting(String runId, RunWaiting waiting) {
        OneRunStatement.update(
                dataSource,
                "UPDATE runs SET waiting=?::jsonb, updated_at=now() WHERE run_id=?",
                runId,
                ps -> ps.setString(1, columns.waitingJson(waiting)),
                2);
    }

    void recordResults(String runId, Map<String, String> results) {
        OneRunStatement.update(
                dataSource,
                "UPDATE runs SET results=?::jsonb, updated_at=now() WHERE run_id=?",
                runId,
                ps -> ps.setString(1, columns.toJson(results)),
                2);
    }
}
