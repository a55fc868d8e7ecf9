-- When the run's latest job-creating POST went out (our clock), committed before it is sent. A POST whose answer
-- was lost can still reach Airbyte later (it waited in a queue of Airbyte's or a proxy's), so a later attempt
-- that finds no job of it POSTs again only once that POST can no longer land: never two syncs for one run.
-- Null on runs recorded before this and on runs whose POST was answered or refused.
ALTER TABLE runs ADD COLUMN trigger_posted_at timestamptz;
