-- Rebuttals that came in a pack from another workspace (issue 13): where each came from, so that
-- importing the same pack again changes nothing and a newer pack updates what it brought.
-- Portable SQL as in V1.

-- "<the exporting workspace's id>:<its rebuttal id>"; NULL for the rebuttals written here
ALTER TABLE rebuttal ADD COLUMN origin VARCHAR(200);
CREATE UNIQUE INDEX rebuttal_origin ON rebuttal (origin);
