-- Why an item keeps its feed summary although its article page was fetched (a paywall, a consent
-- wall, an error page served with status 200, a page with no article), in the analyst's words;
-- NULL when the article arrived or none was wanted. Written by the article stage (decision 0011).
ALTER TABLE item ADD COLUMN article_problem TEXT;

-- The article stage is declared here, not only by the runner, so that an item stored before the
-- runner starts (ingest stores, then runs the stages) is already queued for its article, and
-- analysis waits for it. Items stored earlier are queued for it by the runner's sweep; their
-- analysis state carries over (a page that changes nothing keeps it, decision 0011).
INSERT INTO pipeline_stage (name, depends_on, paused) VALUES ('articles', NULL, FALSE);
UPDATE pipeline_stage SET depends_on = 'articles' WHERE name = 'analysis';
