-- Which instance follows a run, and until when its claim holds without renewal. A run whose lease has
-- passed (its instance died) or that has no owner (recorded before ownership existed) may be taken over.
ALTER TABLE runs ADD COLUMN owner text;
ALTER TABLE runs ADD COLUMN lease_until timestamptz;
CREATE INDEX runs_open_by_lease ON runs (lease_until) WHERE status IN ('queued', 'running', 'post_sync');
