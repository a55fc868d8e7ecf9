-- The held runs of a pipeline, oldest first: looked for at every run's end (is a request waiting behind it?), and
-- almost always none, so the look reads this small index instead of every open run of the pipeline.
CREATE INDEX runs_held ON runs (pipeline, started_at) WHERE held AND status IN ('queued', 'running', 'post_sync');
