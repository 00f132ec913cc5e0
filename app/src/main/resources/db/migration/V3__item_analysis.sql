-- What language analysis found in each item (issue 3). Portable SQL as in V1.

-- One row per analysed item; an item without a row is waiting for analysis. A failed analysis is
-- a row too (error set, language NULL), so that one bad item is not retried forever.
CREATE TABLE item_analysis (
    item_id           BIGINT       NOT NULL PRIMARY KEY REFERENCES item (id) ON DELETE CASCADE,
    -- BCP 47 tag the detector chose ("und" when it could not tell); NULL when analysis failed
    language          VARCHAR(35),
    -- TRUE when the text itself showed the language (not the feed's hint): then it wins over item.language
    language_reliable BOOLEAN      NOT NULL,
    -- FAST or FULL (org.claimdesk.nlp.AnalysisPath)
    analysis_path     VARCHAR(10)  NOT NULL,
    -- which library segmented the text (CORENLP, KUROMOJI, ICU); NULL when analysis failed
    engine            VARCHAR(20),
    sentence_count    INTEGER      NOT NULL,
    token_count       INTEGER      NOT NULL,
    analysed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    error             TEXT
);

-- Named entities of an item, one row per distinct (type, text), with how often it was mentioned.
CREATE TABLE item_entity (
    item_id       BIGINT       NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    -- org.claimdesk.nlp.EntityType: PERSON, ORGANIZATION, LOCATION, MISC, DATE, TIME, MONEY, PERCENT
    entity_type   VARCHAR(20)  NOT NULL,
    -- the mention as written in the text (first mention), at most 500 characters
    entity_text   VARCHAR(500) NOT NULL,
    mention_count INTEGER      NOT NULL,
    -- where the first mention starts in title + body: keeps entities in text order
    first_offset  INTEGER      NOT NULL,
    PRIMARY KEY (item_id, entity_type, entity_text)
);

-- "Items that mention X", for entity pages and cross-item views later.
CREATE INDEX item_entity_by_text ON item_entity (entity_text);
