-- A lost answer to the job-creating POST is resolved by Airbyte's job ids, not by clocks: the connection's
-- newest job id is noted (committed) before the POST, and a job with a greater id is the one it made.
-- "waiting" says why a run is not moving: the step, the last error, the attempt and the next try.
ALTER TABLE runs ADD COLUMN baseline_job_id bigint;
ALTER TABLE runs ADD COLUMN waiting jsonb;
