-- Whether a source came from an imported file rather than feeds.yml (issue 9): the window and
-- the command line say "imported" instead of "removed" for it. Portable SQL as in V1.
ALTER TABLE source ADD COLUMN imported BOOLEAN DEFAULT FALSE NOT NULL;

-- Until now only the id told it: the importer names its sources import-<file>.
UPDATE source SET imported = TRUE WHERE id LIKE 'import-%';
