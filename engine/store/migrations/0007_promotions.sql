-- The production history of the model registry: every promotion and roll-back, in order.
-- Promotions form a stack (a roll-back undoes the newest promotion not yet undone), so rolling back
-- twice walks back the history; ``previous_stage`` is the stage ``model`` had before the action.
CREATE SEQUENCE promotion_id_seq START 1;
CREATE TABLE promotions (
    id                   INTEGER PRIMARY KEY DEFAULT nextval('promotion_id_seq'),
    model                VARCHAR NOT NULL,             -- the model production moved to
    previous_production  VARCHAR,                      -- the model that was production before (NULL: none)
    previous_stage       VARCHAR NOT NULL,             -- the stage ``model`` had before it became production
    action               VARCHAR NOT NULL CHECK (action IN ('promote', 'rollback')),
    time                 TIMESTAMP NOT NULL
);
