-- A cancel asked through the API, kept with the run so whichever instance follows the run ends it naming who
-- asked: the sentence the run ends with. Null while nobody asked.
ALTER TABLE runs ADD COLUMN cancel_note text;
