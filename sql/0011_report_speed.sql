-- Reports at a million targets (issue 6). Documented in docs/sql.md.
--
-- ptt deadlines, compare and targets now read a page of rows in index order and count what they
-- leave out, instead of sorting and fetching every row: the indexes below serve their filters
-- (a deadline range, a region and everything under it, an indicator) and their order (deadline,
-- then region code).

-- Deadline order within a year by region: the deadline report's index. It starts with the
-- deadline, so it replaces 0003's index on the deadline alone.
CREATE INDEX targets_deadline_region_idx ON targets (deadline_year, region_code);
DROP INDEX targets_deadline_year_idx;
-- A region (and the regions under it, looked up in `regions` first), by deadline.
CREATE INDEX targets_region_deadline_idx ON targets (region_code, deadline_year);
-- An indicator, by deadline: --indicator, and compare's per-indicator ranking.
CREATE INDEX targets_indicator_deadline_idx ON targets (indicator_key, deadline_year);

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

-- compare_targets as in 0004, with regions_sharing from target_pairs: one grouped lookup per
-- indicator instead of a count over all its targets for each row (25,000 rows of one indicator
-- took minutes). A filter on indicator_key still reaches the targets, so one indicator's
-- comparison reads that indicator's rows only.
CREATE OR REPLACE VIEW compare_targets AS
SELECT c.*,
    CASE WHEN count(*) OVER (PARTITION BY c.indicator_key, c.measure) > 1 AND c.measure IS NOT NULL THEN
        rank() OVER (PARTITION BY c.indicator_key, c.measure
            ORDER BY coalesce(c.implied_annual_rate, c.level_in_base_unit::float8) DESC)
    END AS rank,
    count(*) FILTER (WHERE c.measure IS NOT NULL) OVER (PARTITION BY c.indicator_key, c.measure) AS measure_peers,
    coalesce(s.regions, 0) AS regions_sharing,
    concat_ws('; ',
        CASE
            WHEN c.kind = 'milestone' THEN 'a qualitative goal: nothing to compare'
            WHEN c.kind IN ('growth', 'reduction') AND c.unit IS DISTINCT FROM '%'
                THEN 'growth in ' || coalesce(c.unit, 'no unit') || ' is not a rate'
            WHEN c.kind IN ('multiple', 'growth', 'reduction') AND c.implied_annual_rate IS NULL
                THEN 'no period: the deadline is not after the base year'
            WHEN c.kind IN ('level', 'count') AND c.value IS NULL THEN 'no number to compare'
            WHEN c.kind IN ('level', 'count') AND count(*) OVER (PARTITION BY c.indicator_key, c.measure) = 1
                THEN 'the only level in ' || c.base_unit || '; levels are not compared with rates'
            WHEN c.kind IN ('level', 'count') THEN 'compared with the other levels in ' || c.base_unit
        END,
        CASE WHEN c.rate_basis = 'implied' AND c.base_year_source = 'plan period'
            THEN 'base year ' || c.base_year || ' assumed from the plan period' END,
        CASE WHEN c.rate_basis = 'implied' AND c.base_year_source = 'publication year'
            THEN 'base year ' || c.base_year || ' assumed: the year before publication' END
    ) AS note
FROM (
    SELECT r.*,
        ptt_base_unit(r.unit, r.unit_family) AS base_unit,
        CASE WHEN r.kind IN ('level', 'count') THEN r.value * ptt_unit_scale(r.unit) END AS level_in_base_unit,
        CASE
            WHEN r.implied_annual_rate IS NOT NULL THEN 'annual rate'
            WHEN r.kind IN ('level', 'count') AND r.value IS NOT NULL AND ptt_base_unit(r.unit, r.unit_family) IS NOT NULL
                THEN 'level in ' || ptt_base_unit(r.unit, r.unit_family)
        END AS measure
    FROM target_report r
    WHERE r.region_code IS NOT NULL
) c
LEFT JOIN (
    SELECT indicator_key, count(*) AS regions FROM target_pairs GROUP BY indicator_key
) s ON s.indicator_key = c.indicator_key;
