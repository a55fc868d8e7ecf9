-- The outbox of outcome events: a run (or group run) whose outcome was recorded and whose event the broker has
-- not yet taken has outcome_pending = true. The flag is set by the same statement that records the outcome, so
-- an event is never lost between the two; the relay clears it once the broker took the event.
ALTER TABLE runs ADD COLUMN outcome_pending boolean NOT NULL DEFAULT false;
ALTER TABLE group_runs ADD COLUMN outcome_pending boolean NOT NULL DEFAULT false;
CREATE INDEX runs_outcome_pending ON runs (ended_at) WHERE outcome_pending;
CREATE INDEX group_runs_outcome_pending ON group_runs (ended_at) WHERE outcome_pending;

-- What a team's own steps in the run template kept on the run (exchange variables named result.<key>).
ALTER TABLE runs ADD COLUMN results jsonb;
