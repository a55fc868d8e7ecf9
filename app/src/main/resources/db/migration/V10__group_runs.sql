-- One row per group run: its pipelines are the runs that point at it (runs.group_run_id).
-- carried_over: for a retry, the pipelines that already succeeded in the run retried, with that run's id.
CREATE TABLE group_runs (
    group_run_id  text PRIMARY KEY,
    request_id    text NOT NULL UNIQUE,
    group_name    text NOT NULL,
    trigger       text NOT NULL,
    status        text NOT NULL,
    started_at    timestamptz NOT NULL,
    ended_at      timestamptz,
    retry_of      text REFERENCES group_runs (group_run_id),
    carried_over  jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX group_runs_open ON group_runs (status) WHERE status = 'running';
CREATE INDEX group_runs_group_started ON group_runs (group_name, started_at DESC);

ALTER TABLE runs ADD COLUMN group_run_id text REFERENCES group_runs (group_run_id);
CREATE INDEX runs_group_run ON runs (group_run_id) WHERE group_run_id IS NOT NULL;
