-- Which Airbyte instance (base URL and workspace) a run's job lives on, written with the job id: job ids are
-- unique within one instance only, so a run resumed against another Airbyte (a replica with its own stand-in,
-- or the state database pointed at a new server) is refused instead of following a stranger's job of the same
-- id. Null on runs recorded before this, and until a job is recorded.
ALTER TABLE runs ADD COLUMN airbyte_instance text;
