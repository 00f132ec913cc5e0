-- The canonical URL under which each source delivered an item. An article that matched a stored
-- one by its text under another address is then known by that address too: the next poll sees it
-- as stored and does not fetch its page again.
ALTER TABLE item_source ADD COLUMN canonical_url TEXT;

CREATE INDEX item_source_by_url ON item_source (canonical_url);
