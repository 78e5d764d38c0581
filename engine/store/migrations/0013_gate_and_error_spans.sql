-- Gated promotion, the retraining schedule, and MQM / ESA error-span annotations.

-- Settings a lead sets (the promotion gate's policy, the retraining schedule): one JSON value per key.
CREATE TABLE studio_settings (
    key         VARCHAR PRIMARY KEY,           -- 'promotion_gate' | 'retrain_schedule'
    value       VARCHAR NOT NULL,              -- JSON of the setting's dataclass
    updated_by  VARCHAR,
    updated_at  TIMESTAMP NOT NULL
);

-- Every decision of the promotion gate on a candidate: allowed, refused, or overridden by a lead.
CREATE SEQUENCE gate_decision_id_seq START 1;
CREATE TABLE gate_decisions (
    id               INTEGER PRIMARY KEY DEFAULT nextval('gate_decision_id_seq'),
    candidate        VARCHAR NOT NULL,
    production       VARCHAR,                  -- the production model it was held against (NULL: none)
    testset_id       VARCHAR,
    outcome          VARCHAR NOT NULL CHECK (outcome IN ('allowed', 'refused', 'override')),
    reasons          VARCHAR NOT NULL DEFAULT '[]',   -- JSON list of sentences (why refused / allowed)
    details          VARCHAR NOT NULL DEFAULT '{}',   -- JSON: the paired test, the A/B counts, the policy
    lead             VARCHAR,                  -- override: who overrode the gate
    confirmation     VARCHAR,                  -- override: the phrase typed
    override_reason  VARCHAR,                  -- override: why
    time             TIMESTAMP NOT NULL
);

-- Each retrain the schedule (or a lead) started: Phase 3 from the production model, result a candidate.
CREATE SEQUENCE retrain_id_seq START 1;
CREATE TABLE retrains (
    id           INTEGER PRIMARY KEY DEFAULT nextval('retrain_id_seq'),
    pipeline_id  INTEGER,
    base_model   VARCHAR NOT NULL,             -- the production model it started from
    model_name   VARCHAR NOT NULL,             -- the name the candidate is registered under
    reason       VARCHAR NOT NULL,             -- why it was due (or 'started by hand')
    judgements   INTEGER NOT NULL,             -- judgements on record when it started
    started_at   TIMESTAMP NOT NULL
);

-- A linguist's error-span annotation of one candidate (MQM / ESA). No spans = the candidate has no error.
-- ``submission_id`` is made once per form by the client: a double click is stored once.
CREATE SEQUENCE span_annotation_id_seq START 1;
CREATE TABLE span_annotations (
    submission_id  VARCHAR PRIMARY KEY,
    id             BIGINT NOT NULL DEFAULT nextval('span_annotation_id_seq'),
    request_id     VARCHAR NOT NULL,
    position       INTEGER NOT NULL,           -- the candidate's position in the request
    target         VARCHAR NOT NULL,           -- the Arabic text annotated (offsets index it)
    words          INTEGER NOT NULL,           -- its word count (the MQM normaliser)
    linguist       VARCHAR NOT NULL,
    model          VARCHAR NOT NULL,
    queue_id       INTEGER,
    item_id        INTEGER,
    created_at     TIMESTAMP NOT NULL
);
CREATE TABLE error_spans (
    annotation_id  BIGINT NOT NULL,
    n              INTEGER NOT NULL,
    start_char     INTEGER NOT NULL,           -- character offsets into ``target``: [start, end)
    end_char       INTEGER NOT NULL,
    category       VARCHAR NOT NULL CHECK (category IN ('accuracy', 'fluency', 'terminology', 'style', 'locale')),
    severity       VARCHAR NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    note           VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (annotation_id, n)
);
