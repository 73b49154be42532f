-- Reports at a million targets (issue 6). Documented in docs/sql.md.
--
-- ptt deadlines, compare and targets now read a page of rows in index order and count what they
-- leave out, instead of sorting and fetching every row: the indexes below serve their filters
-- (a deadline range, a region and everything under it, an indicator) and their order (deadline,
-- then region code).

-- The deadline report reads each year's targets in region-code order: deadline_year = Y and
-- region_code in the range of a region's subtree (codes under 330000 lie between its smallest
-- and largest code), so a page of one province costs what it shows. It starts with the
-- deadline, so it replaces 0003's index on the deadline alone; it also lists the years there
-- are (one probe each).
CREATE INDEX targets_deadline_region_idx ON targets (deadline_year, region_code);
DROP INDEX targets_deadline_year_idx;
-- An indicator, by deadline, then region code: --indicator reads a year of one indicator in
-- report order.
CREATE INDEX targets_indicator_deadline_idx ON targets (indicator_key, deadline_year, region_code);

-- What ptt compare ranks, stored with each target so a rank is an index count rather than a
-- window over every target of the indicator. implied_annual_rate is as in 0004's
-- target_report (whose base year may come from the first document); measure says what is
-- compared (the annual rate, or a level in one base unit) and measure_value the number ranked.
-- Kept by the trigger below from the target's own columns and its first document.
CREATE FUNCTION ptt_implied_annual_rate(
    kind text, multiplier numeric, value numeric, unit text, per_year boolean, deadline_year integer, base_year integer
) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN kind = 'multiple' AND multiplier > 0 AND deadline_year > base_year
            THEN power(multiplier::float8, 1.0 / (deadline_year - base_year)) - 1
        WHEN kind IN ('growth', 'reduction') AND unit = '%' AND per_year
            THEN (CASE kind WHEN 'growth' THEN 1 ELSE -1 END) * value::float8 / 100
        WHEN kind IN ('growth', 'reduction') AND unit = '%' AND deadline_year > base_year
            THEN power(1 + (CASE kind WHEN 'growth' THEN 1 ELSE -1 END) * value::float8 / 100,
                1.0 / (deadline_year - base_year)) - 1
    END
$$;

-- The base year a target's rate is implied from: stated, else the year before the first
-- document's plan period, else the year before that document was published.
CREATE FUNCTION ptt_base_year(stated integer, plan_period text, published_on date) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(stated, ptt_plan_base_year(plan_period), extract(year FROM published_on)::integer - 1)
$$;

ALTER TABLE targets
    ADD COLUMN implied_annual_rate float8,
    ADD COLUMN measure text,
    ADD COLUMN measure_value float8;

CREATE FUNCTION ptt_target_measure() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    base integer;
BEGIN
    IF NEW.kind IN ('multiple', 'growth', 'reduction') THEN
        SELECT ptt_base_year(NEW.base_year, d.plan_period, d.published_on) INTO base
        FROM documents d WHERE d.id = NEW.first_document_id;
        NEW.implied_annual_rate := ptt_implied_annual_rate(
            NEW.kind, NEW.multiplier, NEW.value, NEW.unit, NEW.per_year, NEW.deadline_year, base);
    ELSE
        NEW.implied_annual_rate := NULL;
    END IF;
    NEW.measure := CASE
        WHEN NEW.implied_annual_rate IS NOT NULL THEN 'annual rate'
        WHEN NEW.kind IN ('level', 'count') AND NEW.value IS NOT NULL AND ptt_base_unit(NEW.unit, NEW.unit_family) IS NOT NULL
            THEN 'level in ' || ptt_base_unit(NEW.unit, NEW.unit_family)
    END;
    NEW.measure_value := CASE
        WHEN NEW.implied_annual_rate IS NOT NULL THEN NEW.implied_annual_rate
        WHEN NEW.measure IS NOT NULL THEN (NEW.value * ptt_unit_scale(NEW.unit))::float8
    END;
    RETURN NEW;
END;
$$;

CREATE TRIGGER target_measure BEFORE INSERT OR UPDATE OF kind, multiplier, value, unit, unit_family, per_year,
        base_year, deadline_year, first_document_id ON targets
    FOR EACH ROW EXECUTE FUNCTION ptt_target_measure();
UPDATE targets SET first_document_id = first_document_id;

-- One indicator's comparable targets (of regions with a code) by measure, highest first: the
-- first rows of ptt compare --indicator, and each one's rank as a count of the entries before it.
CREATE INDEX targets_measure_idx ON targets (indicator_key, measure, measure_value DESC)
    WHERE region_code IS NOT NULL;

-- How many targets each region has for each indicator (regions with a code only): which
-- indicators several regions target, and how many, without counting a million targets. Kept by
-- the triggers below. Ingest changes the targets of a (region, indicator) pair only under that
-- pair's advisory lock, so the pair's row here is never written by two ingests at once.
CREATE TABLE target_pairs (
    indicator_key text NOT NULL,
    region_code text NOT NULL,
    targets integer NOT NULL CHECK (targets > 0),
    PRIMARY KEY (indicator_key, region_code)
);

INSERT INTO target_pairs (indicator_key, region_code, targets)
SELECT indicator_key, region_code, count(*)
FROM targets
WHERE region_code IS NOT NULL
GROUP BY indicator_key, region_code;

-- Once per statement, over the rows it inserted (INSERT, COPY, the insert half of an upsert).
CREATE FUNCTION ptt_target_pairs_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO target_pairs AS p (indicator_key, region_code, targets)
    SELECT indicator_key, region_code, count(*)
    FROM inserted_targets
    WHERE region_code IS NOT NULL
    GROUP BY indicator_key, region_code
    ON CONFLICT (indicator_key, region_code) DO UPDATE SET targets = p.targets + EXCLUDED.targets;
    RETURN NULL;
END;
$$;

-- Once per statement, over the rows it deleted: pairs left without targets go.
CREATE FUNCTION ptt_target_pairs_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    WITH gone AS (
        SELECT indicator_key, region_code, count(*) AS n
        FROM deleted_targets
        WHERE region_code IS NOT NULL
        GROUP BY indicator_key, region_code
    ), emptied AS (
        DELETE FROM target_pairs p
        USING gone g
        WHERE p.indicator_key = g.indicator_key AND p.region_code = g.region_code AND p.targets <= g.n
    )
    UPDATE target_pairs p SET targets = p.targets - g.n
    FROM gone g
    WHERE p.indicator_key = g.indicator_key AND p.region_code = g.region_code AND p.targets > g.n;
    RETURN NULL;
END;
$$;

-- A target whose region or indicator changes (ptt never does this; an analyst might).
CREATE FUNCTION ptt_target_pairs_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.region_code IS NOT NULL THEN
        DELETE FROM target_pairs
        WHERE indicator_key = OLD.indicator_key AND region_code = OLD.region_code AND targets = 1;
        UPDATE target_pairs SET targets = targets - 1
        WHERE indicator_key = OLD.indicator_key AND region_code = OLD.region_code;
    END IF;
    IF NEW.region_code IS NOT NULL THEN
        INSERT INTO target_pairs AS p (indicator_key, region_code, targets)
        VALUES (NEW.indicator_key, NEW.region_code, 1)
        ON CONFLICT (indicator_key, region_code) DO UPDATE SET targets = p.targets + 1;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION ptt_target_pairs_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE target_pairs;
    RETURN NULL;
END;
$$;

CREATE TRIGGER target_pairs_insert AFTER INSERT ON targets
    REFERENCING NEW TABLE AS inserted_targets
    FOR EACH STATEMENT EXECUTE FUNCTION ptt_target_pairs_insert();
CREATE TRIGGER target_pairs_delete AFTER DELETE ON targets
    REFERENCING OLD TABLE AS deleted_targets
    FOR EACH STATEMENT EXECUTE FUNCTION ptt_target_pairs_delete();
CREATE TRIGGER target_pairs_move AFTER UPDATE OF region_code, indicator_key ON targets
    FOR EACH ROW
    WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.indicator_key IS DISTINCT FROM NEW.indicator_key)
    EXECUTE FUNCTION ptt_target_pairs_move();
CREATE TRIGGER target_pairs_truncate AFTER TRUNCATE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION ptt_target_pairs_truncate();

-- target_report as in 0004, with the stored rate (the same expression, see above) and the stored
-- measure and measure_value at the end.
CREATE OR REPLACE VIEW target_report AS
SELECT
    t.id,
    t.region_code,
    coalesce(rp.name, ld.publisher_region_name) AS region_name,
    coalesce(rp.path, ld.publisher_region_name) AS region_path,
    rp.level AS region_level,
    rp.province_code,
    rp.prefecture_code,
    t.indicator_key,
    coalesce(i.name, t.indicator) AS indicator_name,
    t.indicator,
    t.kind,
    t.unit_family,
    t.multiplier,
    t.value,
    t.unit,
    t.qualifier,
    t.firmness,
    t.per_year,
    t.base_year AS stated_base_year,
    b.base_year,
    b.base_year_source,
    t.deadline_year,
    t.deadline_year - b.base_year AS years,
    t.implied_annual_rate,
    CASE
        WHEN t.kind IN ('growth', 'reduction') AND t.unit = '%' AND t.per_year THEN 'stated'
        WHEN t.kind IN ('multiple', 'growth', 'reduction') THEN 'implied'
    END AS rate_basis,
    CASE
        WHEN t.kind = 'milestone' THEN coalesce(q.quote, t.indicator)
        WHEN t.kind = 'multiple' THEN coalesce('×' || ptt_number(t.multiplier), '倍增')
            || coalesce(' from ' || b.base_year, '')
        ELSE concat(
            CASE WHEN t.kind = 'reduction' THEN 'cut ' END,
            CASE WHEN t.qualifier ~ '以上' THEN '≥' WHEN t.qualifier ~ '以下|以内' THEN '≤' END,
            ptt_number(t.value), t.unit,
            CASE WHEN t.qualifier ~ '左右' THEN '左右' END,
            CASE WHEN t.kind IN ('growth', 'reduction') THEN
                CASE WHEN t.per_year THEN ' a year' ELSE ' in total' END
            END)
    END AS target_text,
    t.documents AS sources,
    t.mentions,
    t.first_document_id,
    fd.title AS first_title,
    fd.published_on AS first_published_on,
    t.latest_document_id,
    ld.title AS latest_title,
    ld.published_on AS latest_published_on,
    (SELECT count(*) FROM target_revisions v WHERE v.target_id = t.id) AS revisions,
    t.measure,
    t.measure_value
FROM targets t
JOIN documents fd ON fd.id = t.first_document_id
JOIN documents ld ON ld.id = t.latest_document_id
LEFT JOIN region_paths rp ON rp.code = t.region_code
LEFT JOIN indicators i ON i.key = t.indicator_key
CROSS JOIN LATERAL (
    SELECT ptt_base_year(t.base_year, fd.plan_period, fd.published_on) AS base_year,  -- as the trigger
        CASE
            WHEN t.base_year IS NOT NULL THEN 'stated'
            WHEN ptt_plan_base_year(fd.plan_period) IS NOT NULL THEN 'plan period'
            WHEN fd.published_on IS NOT NULL THEN 'publication year'
        END AS base_year_source
) b
LEFT JOIN LATERAL (
    SELECT m.quote
    FROM mentions m
    WHERE coalesce(m.target_region_code, '') = coalesce(t.region_code, '') AND m.indicator_key = t.indicator_key
        AND m.document_id = t.latest_document_id AND m.kind = t.kind
        AND m.deadline_year IS NOT DISTINCT FROM t.deadline_year AND m.unit_family = t.unit_family
    ORDER BY m.span_start, m.span_end
    LIMIT 1
) q ON t.kind = 'milestone';

-- compare_targets as in 0004, ranked by the stored measure_value, with regions_sharing from target_pairs: one grouped lookup per
-- indicator instead of a count over all its targets for each row (25,000 rows of one indicator
-- took minutes). A filter on indicator_key still reaches the targets, so one indicator's
-- comparison reads that indicator's rows only.
-- Why a target is not compared, or what its rate assumed: compare_targets' note. `peers` is how
-- many targets of the indicator share its measure (NULL measure included).
CREATE FUNCTION ptt_compare_note(
    kind text, unit text, implied_annual_rate float8, value numeric, peers bigint, base_unit text, rate_basis text,
    base_year_source text, base_year integer
) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT concat_ws('; ',
        CASE
            WHEN kind = 'milestone' THEN 'a qualitative goal: nothing to compare'
            WHEN kind IN ('growth', 'reduction') AND unit IS DISTINCT FROM '%'
                THEN 'growth in ' || coalesce(unit, 'no unit') || ' is not a rate'
            WHEN kind IN ('multiple', 'growth', 'reduction') AND implied_annual_rate IS NULL
                THEN 'no period: the deadline is not after the base year'
            WHEN kind IN ('level', 'count') AND value IS NULL THEN 'no number to compare'
            WHEN kind IN ('level', 'count') AND peers = 1
                THEN 'the only level in ' || base_unit || '; levels are not compared with rates'
            WHEN kind IN ('level', 'count') THEN 'compared with the other levels in ' || base_unit
        END,
        CASE WHEN rate_basis = 'implied' AND base_year_source = 'plan period'
            THEN 'base year ' || base_year || ' assumed from the plan period' END,
        CASE WHEN rate_basis = 'implied' AND base_year_source = 'publication year'
            THEN 'base year ' || base_year || ' assumed: the year before publication' END
    )
$$;

DROP VIEW compare_targets;
CREATE VIEW compare_targets AS
SELECT c.*,
    CASE WHEN count(*) OVER (PARTITION BY c.indicator_key, c.measure) > 1 AND c.measure IS NOT NULL THEN
        rank() OVER (PARTITION BY c.indicator_key, c.measure
            ORDER BY c.measure_value DESC)
    END AS rank,
    count(*) FILTER (WHERE c.measure IS NOT NULL) OVER (PARTITION BY c.indicator_key, c.measure) AS measure_peers,
    coalesce(s.regions, 0) AS regions_sharing,
    ptt_compare_note(c.kind, c.unit, c.implied_annual_rate, c.value,
        count(*) OVER (PARTITION BY c.indicator_key, c.measure), c.base_unit, c.rate_basis, c.base_year_source,
        c.base_year) AS note
FROM (
    SELECT r.*,
        ptt_base_unit(r.unit, r.unit_family) AS base_unit,
        CASE WHEN r.kind IN ('level', 'count') THEN r.value * ptt_unit_scale(r.unit) END AS level_in_base_unit
    FROM target_report r
    WHERE r.region_code IS NOT NULL
) c
LEFT JOIN (
    SELECT indicator_key, count(*) AS regions FROM target_pairs GROUP BY indicator_key
) s ON s.indicator_key = c.indicator_key;
