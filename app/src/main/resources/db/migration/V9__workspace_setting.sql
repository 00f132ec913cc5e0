-- What a workspace remembers about itself that is neither a source nor an item (issue 10): e.g.
-- that the window still has to ask which starter sources to watch. Portable SQL as in V1.
CREATE TABLE workspace_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
