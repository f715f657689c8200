-- sitelens storage migration 2: what the privacy module keeps (PrivacyStore).
-- Same portable SQL as migration 1. It only adds tables, so sitelens_schema_info.schema_version (the marker of
-- incompatible changes) stays 1: an older sitelens can still open the database and ignores these tables.
-- Restriction, objection and consent-residue rows name subjects only by keyed pseudonyms; subject identities
-- appear only in privacy_subject_identities and in the documents of requests not yet completed erasures.

-- Per-tenant secret keys (audit chain, pseudonyms): 32 random bytes, hex.
CREATE TABLE privacy_keys (
    tenant_id  VARCHAR(64)              NOT NULL,
    key_name   VARCHAR(64)              NOT NULL,
    key_hex    VARCHAR(128)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, key_name)
);

-- Data-subject requests: indexed columns and the privacy module's JSON document.
CREATE TABLE privacy_requests (
    tenant_id   VARCHAR(64)              NOT NULL,
    request_id  VARCHAR(100)             NOT NULL,
    state       VARCHAR(32)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline    TIMESTAMP WITH TIME ZONE NOT NULL,
    document    VARCHAR(1000000)         NOT NULL,
    PRIMARY KEY (tenant_id, request_id)
);
CREATE TABLE privacy_request_subjects (
    tenant_id  VARCHAR(64)  NOT NULL,
    request_id VARCHAR(100) NOT NULL,
    pseudonym  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (tenant_id, request_id, pseudonym)
);
CREATE INDEX privacy_request_subjects_by_pseudonym ON privacy_request_subjects (tenant_id, pseudonym);

-- The audit log: one chain per tenant; appends lock the tenant's head row (SELECT ... FOR UPDATE).
CREATE TABLE privacy_audit_heads (
    tenant_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    entry_count BIGINT      NOT NULL,
    head_hash   VARCHAR(64) NOT NULL
);
CREATE TABLE privacy_audit_log (
    tenant_id     VARCHAR(64)              NOT NULL,
    sequence_no   BIGINT                   NOT NULL,
    logged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    action        VARCHAR(100)             NOT NULL,
    details       VARCHAR(1000000)         NOT NULL,
    previous_hash VARCHAR(64)              NOT NULL,
    entry_hash    VARCHAR(64)              NOT NULL,
    PRIMARY KEY (tenant_id, sequence_no)
);

-- Records kept about people, with the identities they are found by.
CREATE TABLE privacy_subject_records (
    tenant_id        VARCHAR(64)              NOT NULL,
    record_id        VARCHAR(200)             NOT NULL,
    category         VARCHAR(64)              NOT NULL,
    fields_json      VARCHAR(1000000)         NOT NULL,
    blobs_json       VARCHAR(100000)          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    relationship_end TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant_id, record_id)
);
CREATE INDEX privacy_subject_records_by_category ON privacy_subject_records (tenant_id, category, created_at);
CREATE TABLE privacy_subject_identities (
    tenant_id      VARCHAR(64)   NOT NULL,
    record_id      VARCHAR(200)  NOT NULL,
    position       INTEGER       NOT NULL,
    identity_type  VARCHAR(32)   NOT NULL,
    identity_hash  VARCHAR(64)   NOT NULL,
    identity_value VARCHAR(4096) NOT NULL,
    PRIMARY KEY (tenant_id, record_id, position)
);
CREATE INDEX privacy_subject_identities_by_hash ON privacy_subject_identities (tenant_id, identity_hash);

-- Restriction and objection flags, by pseudonym.
CREATE TABLE privacy_restrictions (
    tenant_id VARCHAR(64) NOT NULL,
    pseudonym VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, pseudonym)
);
CREATE TABLE privacy_objections (
    tenant_id   VARCHAR(64)              NOT NULL,
    pseudonym   VARCHAR(64)              NOT NULL,
    purpose     VARCHAR(32)              NOT NULL,
    objected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, pseudonym, purpose)
);

-- Withdrawn consents of erased subjects, by pseudonym: the proof that a withdrawal was honoured.
CREATE TABLE privacy_consent_residue (
    tenant_id      VARCHAR(64)              NOT NULL,
    pseudonym      VARCHAR(64)              NOT NULL,
    purpose        VARCHAR(32)              NOT NULL,
    withdrawn_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    notice_version VARCHAR(200)             NOT NULL,
    consent_method VARCHAR(32)              NOT NULL,
    PRIMARY KEY (tenant_id, pseudonym, purpose, withdrawn_at)
);
