-- Documents as ingested, and the commitments ("mentions") extracted from them.
-- schema_migrations is created by ptt's migration runner, not here.
-- Region codes are GB/T 2260 six-digit codes; foreign keys to `regions` come with a later
-- migration, so this one does not depend on the gazetteer.

CREATE TABLE documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- SHA-256 (hex) of the file's bytes: the same bytes are the same document.
    content_hash text NOT NULL UNIQUE CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    source text NOT NULL,
    title text,
    published_on date,
    publisher text,
    publisher_region_code text CHECK (publisher_region_code ~ '^[0-9]{6}$'),
    publisher_region_name text,
    raw_text text NOT NULL,
    normalized_text text NOT NULL,
    was_traditional boolean NOT NULL DEFAULT false,
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen timestamptz NOT NULL DEFAULT now(),
    -- Extractor.version that produced the document's mentions.
    extractor_version text NOT NULL
);

CREATE TABLE mentions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    region_code text CHECK (region_code ~ '^[0-9]{6}$'),
    region_name text,
    region_level text CHECK (region_level IN ('national', 'province', 'prefecture', 'county')),
    indicator text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('multiple', 'growth', 'level', 'reduction', 'count', 'milestone')),
    multiplier numeric,
    value numeric,
    unit text,
    qualifier text,
    firmness text,
    per_year boolean,
    base_year integer,
    deadline_year integer,
    quote text NOT NULL,
    -- Range of quote in the raw document, in Unicode scalars.
    span_start integer NOT NULL CHECK (span_start >= 0),
    span_end integer NOT NULL CHECK (span_end >= span_start)
);

CREATE INDEX mentions_document_id_idx ON mentions (document_id);
CREATE INDEX mentions_deadline_year_idx ON mentions (deadline_year);

-- One row per distinct dated commitment: the same target stated in several documents is
-- counted once, with the number of documents that state it.
CREATE VIEW deadlines AS
SELECT
    m.deadline_year,
    m.region_code,
    coalesce(m.region_name, d.publisher_region_name) AS region_name,
    m.indicator,
    m.kind,
    m.multiplier,
    m.value,
    m.unit,
    m.qualifier,
    m.firmness,
    m.per_year,
    min(m.base_year) AS base_year,
    count(DISTINCT m.document_id) AS sources,
    min(d.published_on) AS first_published_on
FROM mentions m
JOIN documents d ON d.id = m.document_id
WHERE m.deadline_year IS NOT NULL
GROUP BY m.deadline_year, m.region_code, coalesce(m.region_name, d.publisher_region_name), m.indicator,
    m.kind, m.multiplier, m.value, m.unit, m.qualifier, m.firmness, m.per_year;
