-- Why an item keeps its feed summary although its article page was fetched (a paywall, a consent
-- wall, an error page served with status 200, a page with no article), in the analyst's words;
-- NULL when the article arrived or none was wanted. Written by the article stage (decision 0011).
ALTER TABLE item ADD COLUMN article_problem TEXT;
