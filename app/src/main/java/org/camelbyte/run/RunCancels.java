package org.camelbyte.run;

import static org.camelbyte.run.RunColumns.ts;

import java.time.Instant;
import javax.sql.DataSource;

/**
 * The writes that end a run from outside its loop (a cancel, a watchdog), each one statement whose condition
 * says whether this call decided the outcome, so no outcome recorded meanwhile is overwritten.
 */
final class RunCancels {
    private final DataSource dataSource;

    RunCancels(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean endIfRunning(String runId, RunStatus status, String error, Instant endedAt) {
        return OneRunStatement.update(
                dataSource,
                "UPDATE runs SET status=?, error=?, ended_at=?, updated_at=now() WHERE run_id=? AND status='running'",
                runId,
                ps -> {
                    ps.setString(1, status.wireName());
                    ps.setString(2, error);
                    ps.setTimestamp(3, ts(endedAt));
                },
                4,
                "could not end run " + runId);
    }

    boolean noteCancel(String runId, String note) {
        return OneRunStatement.update(
                dataSource,
                "UPDATE runs SET cancel_note=?, updated_at=now() WHERE run_id=? AND status='running' AND job_id IS NOT NULL",
                runId,
                ps -> ps.setString(1, note),
                2);
    }

    void withdrawCancel(String runId) {
        OneRunStatement.update(
                dataSource,
                "UPDATE runs SET cancel_note=NULL, updated_at=now() WHERE run_id=? AND status='running'",
                runId,
                ps -> {},
                1);
    }

    boolean cancelIfUnstarted(String runId, String note, Instant endedAt) {
        // its outcome is decided here, so its outcome event is due in the same statement (the outbox)
        return OneRunStatement.update(
                dataSource,
                "UPDATE runs SET status='cancelled', error=?, cancel_note=?, ended_at=?, waiting=NULL, outcome_pending=true,"
                        + " updated_at=now()"
                        + " WHERE run_id=? AND status='queued' AND job_id IS NULL AND trigger_requested_at IS NULL",
                runId,
                ps -> {
                    ps.setString(1, note);
                    ps.setString(2, note);
                    ps.setTimestamp(3, ts(endedAt));
                },
                4);
    }
}
