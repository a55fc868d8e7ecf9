-- One row per run; every state change is written here before the next step runs.
CREATE TABLE runs (
    run_id                text PRIMARY KEY,
    request_id            text NOT NULL UNIQUE,
    pipeline              text NOT NULL,
    connection_name       text NOT NULL,
    connection_id         text,
    job_id                bigint,
    job_type              text NOT NULL,
    trigger               text NOT NULL,
    held                  boolean NOT NULL DEFAULT false,
    status                text NOT NULL,
    job_status            text,
    started_at            timestamptz NOT NULL,
    ended_at              timestamptz,
    rows_synced           bigint NOT NULL DEFAULT 0,
    bytes_synced          bigint NOT NULL DEFAULT 0,
    attempts              integer NOT NULL DEFAULT 0,
    post_sync             jsonb,
    error                 text,
    trigger_requested_at  timestamptz,
    deadline              timestamptz,
    updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX runs_open ON runs (status) WHERE status IN ('queued', 'running', 'post_sync');
CREATE INDEX runs_pipeline_started ON runs (pipeline, started_at DESC);
CREATE INDEX runs_job ON runs (job_id);
