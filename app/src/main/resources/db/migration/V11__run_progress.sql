-- What the watchdogs need to judge a job after a restart as well as before it: since when the job has had
-- its current status, when its rows, bytes or attempts last changed, and how many attempts ended incomplete.
ALTER TABLE runs ADD COLUMN job_status_since timestamptz;
ALTER TABLE runs ADD COLUMN progress_at timestamptz;
ALTER TABLE runs ADD COLUMN incomplete_attempts integer NOT NULL DEFAULT 0;
