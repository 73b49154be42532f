-- Outcomes: reported results (2024年地区生产总值增长5.2%) stored like targets, and the verdict of
-- each target against the result reported for its deadline year. Documented in docs/sql.md.

-- Spellings of indicators that results are written in (上涨 for the CPI, 进出口总值).
INSERT INTO indicator_aliases (alias, indicator_key) VALUES
('居民消费价格上涨', 'cpi'), ('居民消费价格指数上涨', 'cpi'), ('居民消费价格指数', 'cpi'),
('居民消费价格cpi涨幅', 'cpi'), ('居民消费价格指数涨幅', 'cpi'), ('cpi', 'cpi'),
('进出口总值', 'foreign_trade'), ('进出口', 'foreign_trade')
ON CONFLICT (alias) DO NOTHING;

-- Outcome sources: a result found in a document, like mentions are commitments found in one.
-- `outcome_region_code` is the result's region, else the publisher's (as mentions'
-- target_region_code); `year` the year the result is for.
CREATE TABLE outcome_sources (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id),
    region_code text,
    region_name text,
    region_level text,
    indicator text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('growth', 'reduction', 'level', 'count', 'multiple')),
    multiplier numeric,
    value numeric,
    unit text,
    qualifier text,
    per_year boolean,
    base_year integer,
    year integer NOT NULL,
    quote text NOT NULL,
    span_start integer NOT NULL,
    span_end integer NOT NULL,
    outcome_region_code text CHECK (outcome_region_code ~ '^[0-9]{6}$'),
    indicator_key text NOT NULL REFERENCES indicators (key),
    unit_family text NOT NULL
);
CREATE INDEX outcome_sources_document_idx ON outcome_sources (document_id);
CREATE INDEX outcome_sources_identity_idx ON outcome_sources
    (coalesce(outcome_region_code, ''), indicator_key, kind, unit_family, year);

-- Outcomes: one row per reported result, however many documents report it. Identity (region,
-- indicator, kind, year, unit family); attributes from the first source (by position) of the
-- latest document (by publication date, then content hash), as targets take theirs.
CREATE TABLE outcomes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code text,
    indicator_key text NOT NULL REFERENCES indicators (key),
    kind text NOT NULL,
    year integer NOT NULL,
    unit_family text NOT NULL,
    indicator text NOT NULL,
    multiplier numeric,
    value numeric,
    unit text,
    qualifier text,
    per_year boolean,
    base_year integer,
    latest_document_id bigint NOT NULL REFERENCES documents (id),
    first_document_id bigint NOT NULL REFERENCES documents (id),
    documents integer NOT NULL,
    sources integer NOT NULL,
    CONSTRAINT outcomes_identity UNIQUE NULLS NOT DISTINCT (region_code, indicator_key, kind, year, unit_family)
);
-- How targets find their results: same region, indicator and year.
CREATE INDEX outcomes_link_idx ON outcomes (region_code, indicator_key, year);

-- Each document (in publication order) that reported a different number for an outcome than
-- the one before it: a revised result (预计 in January, the bulletin's figure later).
CREATE TABLE outcome_revisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    outcome_id bigint NOT NULL REFERENCES outcomes (id) ON DELETE CASCADE,
    document_id bigint NOT NULL REFERENCES documents (id),
    old_multiplier numeric,
    old_value numeric,
    old_unit text,
    new_multiplier numeric,
    new_value numeric,
    new_unit text,
    UNIQUE (outcome_id, document_id)
);

-- Re-derives the outcomes of the given identities (region '' for none; parallel arrays, one
-- element per source, repeats allowed) and their revisions from all their sources, with the
-- rules of ptt_refresh_target_identities (0010). Locks: the same transaction-scoped advisory
-- lock per (region, indicator) pair as targets take, so one pair's targets, outcomes and
-- verdicts are written by one transaction at a time. ptt takes the locks of every pair a
-- transaction refreshes (targets' and outcomes') in one sorted statement before calling either
-- function, which then find them held: concurrent ingests cannot deadlock.
CREATE FUNCTION ptt_refresh_outcome_identities(
    region_codes text[], indicator_keys text[], kinds text[], years integer[], unit_families text[]
) RETURNS void
LANGUAGE plpgsql
-- As ptt_refresh_verdicts: plans kept from empty tables must not scan the grown ones.
SET enable_seqscan = off SET enable_hashjoin = off
AS $$
DECLARE
    touched bigint[];
BEGIN
    PERFORM pg_advisory_xact_lock(h)
    FROM (
        SELECT DISTINCT hashtextextended(coalesce(r, '') || '|' || k, 7270410502) AS h
        FROM unnest(region_codes, indicator_keys) AS u(r, k)
        ORDER BY h
    ) s;

    WITH identity AS (
        SELECT DISTINCT coalesce(r, '') AS r, k, kind, y, f
        FROM unnest(region_codes, indicator_keys, kinds, years, unit_families) AS u(r, k, kind, y, f)
    ),
    derived AS (
        SELECT i.*, a.*
        FROM identity i
        CROSS JOIN LATERAL (
            SELECT count(*) AS source_count, count(DISTINCT s.document_id) AS document_count,
                (array_agg(s.id ORDER BY d.published_on DESC NULLS LAST, d.content_hash DESC, s.span_start,
                    s.span_end, s.id))[1] AS latest_source_id,
                (array_agg(s.document_id ORDER BY d.published_on NULLS FIRST, d.content_hash, s.span_start,
                    s.span_end, s.id))[1] AS first_document_id
            FROM outcome_sources s
            JOIN documents d ON d.id = s.document_id
            WHERE coalesce(s.outcome_region_code, '') = i.r AND s.indicator_key = i.k AND s.kind = i.kind
                AND s.unit_family = i.f AND s.year = i.y
        ) a
    ),
    dropped AS (
        DELETE FROM outcomes o
        USING derived x
        WHERE x.source_count = 0
            AND coalesce(o.region_code, '') = x.r AND o.indicator_key = x.k AND o.kind = x.kind
            AND o.year = x.y AND o.unit_family = x.f
    ),
    upserted AS (
        INSERT INTO outcomes AS o (region_code, indicator_key, kind, year, unit_family, indicator, multiplier,
            value, unit, qualifier, per_year, base_year, latest_document_id, first_document_id, documents, sources)
        SELECT l.outcome_region_code, l.indicator_key, l.kind, l.year, l.unit_family, l.indicator, l.multiplier,
            l.value, l.unit, l.qualifier, l.per_year, l.base_year, l.document_id, x.first_document_id,
            x.document_count, x.source_count
        FROM derived x
        JOIN outcome_sources l ON l.id = x.latest_source_id
        ON CONFLICT ON CONSTRAINT outcomes_identity DO UPDATE SET
            indicator = EXCLUDED.indicator, multiplier = EXCLUDED.multiplier, value = EXCLUDED.value,
            unit = EXCLUDED.unit, qualifier = EXCLUDED.qualifier, per_year = EXCLUDED.per_year,
            base_year = EXCLUDED.base_year, latest_document_id = EXCLUDED.latest_document_id,
            first_document_id = EXCLUDED.first_document_id, documents = EXCLUDED.documents,
            sources = EXCLUDED.sources
        RETURNING o.id
    )
    SELECT array_agg(id) INTO touched FROM upserted;

    -- Revisions of the outcomes touched, replaced by those derived from their sources.
    DELETE FROM outcome_revisions WHERE outcome_id = ANY(touched);
    INSERT INTO outcome_revisions (outcome_id, document_id, old_multiplier, old_value, old_unit, new_multiplier,
        new_value, new_unit)
    SELECT outcome_id, document_id, old_multiplier, old_value, old_unit, multiplier, value, unit
    FROM (
        SELECT p.*,
            lag(p.multiplier) OVER w AS old_multiplier, lag(p.value) OVER w AS old_value,
            lag(p.unit) OVER w AS old_unit, row_number() OVER w AS n
        FROM (
            SELECT DISTINCT ON (o.id, s.document_id)
                o.id AS outcome_id, s.document_id, d.published_on, d.content_hash, s.multiplier, s.value, s.unit
            FROM outcomes o
            JOIN outcome_sources s ON coalesce(s.outcome_region_code, '') = coalesce(o.region_code, '')
                AND s.indicator_key = o.indicator_key AND s.kind = o.kind AND s.unit_family = o.unit_family
                AND s.year = o.year
            JOIN documents d ON d.id = s.document_id
            WHERE o.id = ANY(touched) AND o.documents > 1
            ORDER BY o.id, s.document_id, s.span_start, s.span_end, s.id
        ) p
        WINDOW w AS (PARTITION BY p.outcome_id ORDER BY p.published_on NULLS FIRST, p.content_hash)
    ) s
    WHERE n > 1 AND (multiplier, value, unit) IS DISTINCT FROM (old_multiplier, old_value, old_unit);
END;
$$;

-- Indicators whose targets are ceilings by nature: a level of them is met at or below the
-- target (居民消费价格涨幅3%左右, 城镇调查失业率5.5%左右). Their reductions (单位GDP能耗下降3%) are
-- floors on the cut, like every reduction. Analysts may add rows; then
-- `SELECT ptt_refresh_verdicts(NULL, NULL, NULL)` re-derives the stored verdicts.
CREATE TABLE indicator_directions (
    indicator_key text PRIMARY KEY REFERENCES indicators (key),
    direction text NOT NULL CHECK (direction IN ('ceiling'))
);
INSERT INTO indicator_directions (indicator_key, direction) VALUES
('cpi', 'ceiling'), ('surveyed_unemployment', 'ceiling'), ('registered_unemployment', 'ceiling'),
('energy_per_gdp', 'ceiling'), ('co2_per_gdp', 'ceiling');

-- A number with its unit and qualifier, as reports write a target or a result: ≥6000亿元,
-- 5%左右, ≤5.5%, ×2.
CREATE FUNCTION ptt_quantity_text(kind text, multiplier numeric, value numeric, unit text, qualifier text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN kind = 'multiple' THEN coalesce('×' || ptt_number(multiplier), '倍增')
        WHEN value IS NULL THEN NULL
        ELSE concat(
            CASE WHEN qualifier ~ '以上' THEN '≥' WHEN qualifier ~ '以下|以内' THEN '≤' END,
            ptt_number(value), unit,
            CASE WHEN qualifier ~ '左右' THEN '左右' END,
            CASE WHEN qualifier ~ '力争|争取' THEN ' (力争)' END)
    END
$$;

-- The verdict on a target given a result, and the rule that decided it, both numbers in it:
--   growth 5.4% ≥ 5%左右 → met;  level 942亿元 < ≥1000亿元 → missed.
-- Rules (docs/sql.md, "Verdicts"):
--   * kinds must agree (growth with growth, level with level …), and units: the same unit family
--     and base unit (亿元 and 万亿元 compare, scaled; % and 亿元 do not) — else unknown;
--   * a multiple (×2 from 2020) against anything is unknown here: it needs the base-year value
--     (see ptt_multiple_verdict, used by target_outcomes when both levels are stored);
--   * direction: 以内/以下 (控制在, 不超过) make a ceiling, as does an indicator of
--     indicator_directions for levels and growth; everything else is a floor (以上, 不低于, 确保,
--     and a bare number: 增长6.5% is met by 6.5% or more); reductions are floors on the cut;
--   * 左右 relaxes the bound by the band: ±0.5 percentage points for rates (unit %), ±2 %
--     of the target for other levels and counts;
--   * a stretch target (力争, 争取) short of its value by no more than the band is partly met;
--   * a result that is only a lower bound (突破6000亿元 = ≥6000) below a floor, or under a
--     ceiling, is unknown (it could be either); above a ceiling it is missed;
--   * a yearly-average target over several years (年均增长7%, 2021–2025) needs a result over the
--     same span (过去五年年均增长); a cumulative one (per_year false) a cumulative result.
-- `target_years` is the deadline minus the target's base year (1 for a year's target).
CREATE FUNCTION ptt_verdict(
    t_kind text, t_multiplier numeric, t_value numeric, t_unit text, t_unit_family text, t_qualifier text,
    t_per_year boolean, target_years integer, ceiling_indicator boolean,
    o_kind text, o_multiplier numeric, o_value numeric, o_unit text, o_unit_family text, o_qualifier text,
    o_per_year boolean, o_years integer,
    OUT verdict text, OUT rule text
)
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    t_text text := ptt_quantity_text(t_kind, t_multiplier, t_value, t_unit, t_qualifier);
    o_text text := ptt_quantity_text(o_kind, o_multiplier, o_value, o_unit, o_qualifier);
    rate boolean := t_unit = '%';
    tv numeric;
    ov numeric;
    band numeric;
    band_text text;
    is_ceiling boolean;
    approx boolean := coalesce(t_qualifier ~ '左右', false);
    stretch boolean := coalesce(t_qualifier ~ '力争|争取', false);
    lower_bound boolean := coalesce(o_qualifier ~ '以上', false);
BEGIN
    verdict := 'unknown';
    IF t_kind = 'milestone' THEN
        rule := 'milestone: no number to compare';
        RETURN;
    END IF;
    IF t_kind = 'multiple' THEN
        rule := 'multiple ' || coalesce(t_text, '倍增') || ' vs ' || o_kind || ' ' || coalesce(o_text, '?')
            || ': needs the base-year and final values';
        RETURN;
    END IF;
    IF t_kind IS DISTINCT FROM o_kind THEN
        rule := 'kinds differ: ' || t_kind || ' target ' || coalesce(t_text, '?') || ' vs ' || o_kind || ' result '
            || coalesce(o_text, '?');
        RETURN;
    END IF;
    IF t_value IS NULL OR o_value IS NULL THEN
        rule := t_kind || ': no number to compare (' || coalesce(o_text, '—') || ' vs ' || coalesce(t_text, '—') || ')';
        RETURN;
    END IF;
    IF t_unit_family IS DISTINCT FROM o_unit_family
        OR ptt_base_unit(t_unit, t_unit_family) IS DISTINCT FROM ptt_base_unit(o_unit, o_unit_family)
    THEN
        rule := 'units differ: ' || coalesce(o_unit, 'none') || ' vs ' || coalesce(t_unit, 'none') || ' (' || o_text
            || ' vs ' || t_text || ')';
        RETURN;
    END IF;
    IF t_kind IN ('growth', 'reduction') THEN
        IF coalesce(t_per_year, true) AND coalesce(target_years, 1) > 1 AND coalesce(o_years, 1) <> target_years THEN
            rule := t_kind || ' ' || o_text || ' in one year vs ' || t_text || ' a year over ' || target_years
                || ' years: spans differ';
            RETURN;
        END IF;
        IF t_per_year = false AND o_per_year IS DISTINCT FROM false THEN
            rule := t_kind || ' ' || o_text || ' a year vs ' || t_text || ' in total: not comparable';
            RETURN;
        END IF;
    END IF;

    tv := t_value * ptt_unit_scale(t_unit);
    ov := o_value * ptt_unit_scale(o_unit);
    IF rate THEN
        band := 0.5;
        band_text := '±0.5pp';
    ELSE
        band := abs(tv) * 0.02;
        band_text := '±2%';
    END IF;
    is_ceiling := coalesce(t_qualifier ~ '以内|以下', false)
        OR (ceiling_indicator AND t_kind <> 'reduction' AND NOT coalesce(t_qualifier ~ '以上', false));

    IF NOT is_ceiling THEN
        IF ov >= tv THEN
            verdict := 'met';
            rule := t_kind || ' ' || o_text || ' ≥ ' || t_text;
        ELSIF lower_bound THEN
            rule := t_kind || ' ' || o_text || ' vs ' || t_text || ': the result is only a lower bound';
        ELSIF approx AND ov >= tv - band THEN
            verdict := 'met';
            rule := t_kind || ' ' || o_text || ' within ' || t_text || ' (band ' || band_text || ')';
        ELSIF stretch AND ov >= tv - band THEN
            verdict := 'partly';
            rule := t_kind || ' ' || o_text || ' < stretch ' || t_text || ', within ' || band_text;
        ELSE
            verdict := 'missed';
            rule := t_kind || ' ' || o_text || ' < ' || t_text
                || CASE WHEN approx THEN ' (band ' || band_text || ')' ELSE '' END;
        END IF;
    ELSE
        IF ov > tv AND lower_bound THEN
            verdict := 'missed';
            rule := t_kind || ' ' || o_text || ' > ceiling ' || t_text;
        ELSIF lower_bound THEN
            rule := t_kind || ' ' || o_text || ' vs ceiling ' || t_text || ': the result is only a lower bound';
        ELSIF ov <= tv THEN
            verdict := 'met';
            rule := t_kind || ' ' || o_text || ' ≤ ceiling ' || t_text;
        ELSIF approx AND ov <= tv + band THEN
            verdict := 'met';
            rule := t_kind || ' ' || o_text || ' within ceiling ' || t_text || ' (band ' || band_text || ')';
        ELSIF stretch AND ov <= tv + band THEN
            verdict := 'partly';
            rule := t_kind || ' ' || o_text || ' > stretch ceiling ' || t_text || ', within ' || band_text;
        ELSE
            verdict := 'missed';
            rule := t_kind || ' ' || o_text || ' > ceiling ' || t_text
                || CASE WHEN approx THEN ' (band ' || band_text || ')' ELSE '' END;
        END IF;
    END IF;
    rule := rule || ' → ' || verdict;
END;
$$;

-- A multiple (×2 from 2020) against the levels reported for its base year and its deadline:
-- met when final / base ≥ the multiplier (levels in one base unit), else missed; NULL when
-- either level is missing.
CREATE FUNCTION ptt_multiple_verdict(
    t_multiplier numeric, base_year integer, base_value numeric, base_unit text, final_value numeric, final_unit text,
    OUT verdict text, OUT rule text
)
LANGUAGE sql IMMUTABLE AS $$
    SELECT v, 'multiple ×' || ptt_number(t_multiplier) || ' from ' || base_year || ': ' || ptt_number(final_value)
        || final_unit || ' / ' || ptt_number(base_value) || base_unit || ' = ×' || ptt_number(round(ratio, 2))
        || CASE WHEN v = 'met' THEN ' ≥ ' ELSE ' < ' END || '×' || ptt_number(t_multiplier) || ' → ' || v
    FROM (
        SELECT r AS ratio, CASE WHEN r >= t_multiplier THEN 'met' ELSE 'missed' END AS v
        FROM (SELECT (final_value * ptt_unit_scale(final_unit)) / nullif(base_value * ptt_unit_scale(base_unit), 0) AS r) s
    ) x
    WHERE t_multiplier IS NOT NULL AND ratio IS NOT NULL
$$;

-- Every target with a region and a deadline, linked to the results of the same region,
-- indicator key (aliases resolved at ingest) and year = deadline year, with a verdict. Results of
-- the same kind and unit family come first: a target with one of those is shown only against
-- them (a growth target is not also reported "unknown" against the year's level), else against
-- every result of the year, whose verdicts are then unknown with the reason. No result is linked
-- across years or regions. Indicators of one family (规上工业增加值 / 制造业增加值) are not linked:
-- they measure different things.
CREATE VIEW target_outcomes AS
SELECT
    t.id AS target_id,
    t.region_code,
    t.indicator_key,
    t.deadline_year,
    t.kind AS target_kind,
    t.multiplier AS target_multiplier,
    t.value AS target_value,
    t.unit AS target_unit,
    t.qualifier AS target_qualifier,
    t.per_year AS target_per_year,
    ptt_quantity_text(t.kind, t.multiplier, t.value, t.unit, t.qualifier) AS target_text,
    t.latest_document_id AS target_document_id,
    o.id AS outcome_id,
    o.kind AS outcome_kind,
    o.multiplier AS outcome_multiplier,
    o.value AS outcome_value,
    o.unit AS outcome_unit,
    o.qualifier AS outcome_qualifier,
    o.per_year AS outcome_per_year,
    o.base_year AS outcome_base_year,
    ptt_quantity_text(o.kind, o.multiplier, o.value, o.unit, o.qualifier) AS outcome_text,
    o.latest_document_id AS outcome_document_id,
    coalesce(mv.verdict, v.verdict) AS verdict,
    coalesce(mv.rule, v.rule) AS rule
FROM targets t
JOIN documents fd ON fd.id = t.first_document_id
CROSS JOIN LATERAL (
    SELECT o.*, rank() OVER (ORDER BY (o.kind = t.kind AND o.unit_family = t.unit_family) DESC) AS fit
    FROM outcomes o
    WHERE o.region_code = t.region_code AND o.indicator_key = t.indicator_key AND o.year = t.deadline_year
) o
CROSS JOIN LATERAL ptt_verdict(
    t.kind, t.multiplier, t.value, t.unit, t.unit_family, t.qualifier, t.per_year,
    -- Years the target spans: from a stated base year or the plan period only (a work report
    -- published in December is still a one-year target).
    t.deadline_year - coalesce(t.base_year, ptt_plan_base_year(fd.plan_period)),
    EXISTS (SELECT 1 FROM indicator_directions d WHERE d.indicator_key = t.indicator_key AND d.direction = 'ceiling'),
    o.kind, o.multiplier, o.value, o.unit, o.unit_family, o.qualifier, o.per_year, o.year - o.base_year
) v
LEFT JOIN LATERAL (
    -- A multiple with both levels stored: the base year's and the deadline's, in one base unit.
    SELECT m.*
    FROM outcomes b
    CROSS JOIN LATERAL ptt_multiple_verdict(t.multiplier, b.year, b.value, b.unit, o.value, o.unit) m
    WHERE t.kind = 'multiple' AND o.kind = 'level' AND b.region_code = t.region_code
        AND b.indicator_key = t.indicator_key
        AND b.year = ptt_base_year(t.base_year, fd.plan_period, fd.published_on) AND b.kind = 'level'
        AND b.unit_family = o.unit_family
        AND ptt_base_unit(b.unit, b.unit_family) IS NOT DISTINCT FROM ptt_base_unit(o.unit, o.unit_family)
    LIMIT 1
) mv ON true
WHERE t.region_code IS NOT NULL AND t.deadline_year IS NOT NULL AND o.fit = 1;

-- Stored verdicts: one row per dated target with a region, its best result (the first of
-- target_outcomes by verdict decided before unknown, then the latest result) or none (verdict
-- 'none'). Kept by ptt_refresh_verdicts for the targets an ingest may have changed the verdict
-- of, under their pairs' locks; `ptt progress` reads it. It equals what target_outcomes gives (a test checks).
CREATE TABLE target_verdicts (
    target_id bigint PRIMARY KEY,
    region_code text NOT NULL,
    indicator_key text NOT NULL,
    deadline_year integer NOT NULL,
    outcome_id bigint,
    verdict text NOT NULL CHECK (verdict IN ('met', 'missed', 'partly', 'unknown', 'none')),
    rule text
);
CREATE INDEX target_verdicts_year_idx ON target_verdicts (region_code, indicator_key, deadline_year);
CREATE INDEX target_verdicts_report_idx ON target_verdicts (deadline_year, region_code) WHERE verdict <> 'none';
CREATE INDEX target_verdicts_indicator_idx ON target_verdicts (indicator_key, region_code) INCLUDE (deadline_year, verdict);

-- Counts of target_verdicts by (region, deadline year, verdict), for the scorecard of a whole
-- database without reading every target. Changed only by ptt_refresh_verdicts, in one sorted
-- statement at the end of its transaction (so concurrent ingests lock its rows in one order and
-- cannot deadlock); rows that fall to 0 are kept.
CREATE TABLE verdict_counts (
    region_code text NOT NULL,
    deadline_year integer NOT NULL,
    verdict text NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (region_code, deadline_year, verdict)
);

-- Re-derives the target_verdicts rows of the targets of each (region, indicator, year) given
-- (parallel arrays; a NULL year: every year of the pair; all three NULL: every pair, for after an
-- analyst changed aliases or indicator_directions) and of the multiples of each pair (judged
-- against their base year's level too), and applies the change to verdict_counts. ptt calls it
-- last in an ingest transaction with the (region, indicator, year) of every target and outcome
-- identity it refreshed, whose pairs' locks that transaction holds: only those targets are
-- judged again, not every target of their pairs. No temporary tables (it runs once per
-- transaction): the old rows' counts are kept in arrays between the statements.
CREATE FUNCTION ptt_refresh_verdicts(region_codes text[], indicator_keys text[], years integer[]) RETURNS void
LANGUAGE plpgsql
-- Every statement reads a few rows through an index. PL/pgSQL keeps a statement's plan for the
-- session, and an ingest starts on empty tables, whose statistics make a sequential scan look
-- cheapest: kept as the tables grow, that plan read all of target_verdicts per call.
SET enable_seqscan = off SET enable_hashjoin = off
AS $$
DECLARE
    ids bigint[];
    old_regions text[];
    old_years integer[];
    old_verdicts text[];
    old_counts bigint[];
BEGIN
    IF region_codes IS NULL THEN
        SELECT array_agg(r), array_agg(k), array_agg(NULL::integer) INTO region_codes, indicator_keys, years
        FROM (
            SELECT region_code AS r, indicator_key AS k FROM targets
            WHERE region_code IS NOT NULL AND deadline_year IS NOT NULL
            UNION
            SELECT region_code, indicator_key FROM target_verdicts
        ) s;
    END IF;

    -- The targets to judge again.
    WITH x AS (
        SELECT DISTINCT r, k, y FROM unnest(region_codes, indicator_keys, years) AS u(r, k, y)
        WHERE r IS NOT NULL AND r <> ''
    ),
    pairs AS (SELECT r, k, bool_or(y IS NULL) AS every_year FROM x GROUP BY r, k)
    SELECT array_agg(DISTINCT id) INTO ids
    FROM (
        SELECT t.id FROM x JOIN targets t ON t.indicator_key = x.k AND t.deadline_year = x.y AND t.region_code = x.r
        UNION ALL
        SELECT t.id FROM pairs p
        JOIN targets t ON coalesce(t.region_code, '') = p.r AND t.indicator_key = p.k
        WHERE t.deadline_year IS NOT NULL AND (t.kind = 'multiple' OR p.every_year)
    ) s;

    -- Their old rows, and those of targets gone from these years, counted, then deleted.
    WITH x AS (
        SELECT DISTINCT r, k, y FROM unnest(region_codes, indicator_keys, years) AS u(r, k, y)
        WHERE r IS NOT NULL AND r <> ''
    ),
    doomed AS (
        SELECT v.target_id FROM x
        JOIN target_verdicts v ON v.region_code = x.r AND v.indicator_key = x.k AND (x.y IS NULL OR v.deadline_year = x.y)
        UNION
        SELECT unnest(ids)
    ),
    old AS (
        DELETE FROM target_verdicts v USING doomed d
        WHERE v.target_id = d.target_id
        RETURNING v.region_code, v.deadline_year, v.verdict
    )
    SELECT array_agg(region_code), array_agg(deadline_year), array_agg(verdict), array_agg(n)
    INTO old_regions, old_years, old_verdicts, old_counts
    FROM (SELECT region_code, deadline_year, verdict, count(*) AS n FROM old GROUP BY 1, 2, 3) c;

    INSERT INTO target_verdicts (target_id, region_code, indicator_key, deadline_year, outcome_id, verdict, rule)
    SELECT t.id, t.region_code, t.indicator_key, t.deadline_year, b.outcome_id, coalesce(b.verdict, 'none'), b.rule
    FROM targets t
    LEFT JOIN LATERAL (
        SELECT x.outcome_id, x.verdict, x.rule
        FROM target_outcomes x
        WHERE x.target_id = t.id
        ORDER BY x.verdict = 'unknown', x.outcome_id DESC
        LIMIT 1
    ) b ON true
    WHERE t.id = ANY(ids) AND t.region_code IS NOT NULL AND t.deadline_year IS NOT NULL;

    -- The difference, applied in one statement in key order.
    INSERT INTO verdict_counts AS c (region_code, deadline_year, verdict, n)
    SELECT region_code, deadline_year, verdict, sum(n)
    FROM (
        SELECT v.region_code, v.deadline_year, v.verdict, count(*) AS n
        FROM target_verdicts v
        WHERE v.target_id = ANY(ids)
        GROUP BY 1, 2, 3
        UNION ALL
        SELECT r, y, vd, -n FROM unnest(old_regions, old_years, old_verdicts, old_counts) AS o(r, y, vd, n)
    ) d
    GROUP BY 1, 2, 3
    HAVING sum(n) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (region_code, deadline_year, verdict) DO UPDATE SET n = c.n + EXCLUDED.n;
END;
$$;

-- The stored targets' verdicts (none stored before this migration had outcomes).
SELECT ptt_refresh_verdicts(NULL, NULL, NULL);

-- content_checksums (0003) with the outcome tables, so the reliability tests and
-- scripts/kill-loop compare them too.
CREATE OR REPLACE VIEW content_checksums AS
SELECT 'documents' AS table_name, count(*) AS rows,
    md5(coalesce(string_agg(
        concat_ws('|', content_hash, raw_hash, source, title, published_on, publisher, publisher_region_code,
            publisher_region_name, md5(raw_text), md5(normalized_text), was_traditional, extractor_version,
            plan_period),
        E'\n' ORDER BY content_hash), '')) AS checksum
FROM documents
UNION ALL
SELECT 'mentions', count(*),
    md5(coalesce(string_agg(line, E'\n' ORDER BY line), ''))
FROM (
    SELECT concat_ws('|', d.content_hash, m.region_code, m.region_name, m.region_level, m.indicator, m.kind,
        m.multiplier, m.value, m.unit, m.qualifier, m.firmness, m.per_year, m.base_year, m.deadline_year,
        m.quote, m.span_start, m.span_end, m.target_region_code, m.indicator_key, m.unit_family) AS line
    FROM mentions m JOIN documents d ON d.id = m.document_id
) s
UNION ALL
SELECT 'targets', count(*),
    md5(coalesce(string_agg(line, E'\n' ORDER BY line), ''))
FROM (
    SELECT concat_ws('|', t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family, t.indicator,
        t.multiplier, t.value, t.unit, t.qualifier, t.firmness, t.per_year, t.base_year, l.content_hash,
        f.content_hash, t.documents, t.mentions) AS line
    FROM targets t
    JOIN documents l ON l.id = t.latest_document_id
    JOIN documents f ON f.id = t.first_document_id
) s
UNION ALL
SELECT 'target_revisions', count(*),
    md5(coalesce(string_agg(line, E'\n' ORDER BY line), ''))
FROM (
    SELECT concat_ws('|', t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family, d.content_hash,
        v.old_multiplier, v.old_value, v.old_unit, v.new_multiplier, v.new_value, v.new_unit) AS line
    FROM target_revisions v
    JOIN targets t ON t.id = v.target_id
    JOIN documents d ON d.id = v.document_id
) s
UNION ALL
SELECT 'indicators', count(*),
    md5(coalesce(string_agg(concat_ws('|', key, name, unit_family, canonical), E'\n' ORDER BY key), ''))
FROM indicators
UNION ALL
SELECT 'outcome_sources', count(*),
    md5(coalesce(string_agg(line, E'\n' ORDER BY line), ''))
FROM (
    SELECT concat_ws('|', d.content_hash, s.region_code, s.region_name, s.region_level, s.indicator, s.kind,
        s.multiplier, s.value, s.unit, s.qualifier, s.per_year, s.base_year, s.year, s.quote, s.span_start,
        s.span_end, s.outcome_region_code, s.indicator_key, s.unit_family) AS line
    FROM outcome_sources s JOIN documents d ON d.id = s.document_id
) s
UNION ALL
SELECT 'outcomes', count(*),
    md5(coalesce(string_agg(line, E'\n' ORDER BY line), ''))
FROM (
    SELECT concat_ws('|', o.region_code, o.indicator_key, o.kind, o.year, o.unit_family, o.indicator,
        o.multiplier, o.value, o.unit, o.qualifier, o.per_year, o.base_year, l.content_hash, f.content_hash,
        o.documents, o.sources) AS line
    FROM outcomes o
    JOIN documents l ON l.id = o.latest_document_id
    JOIN documents f ON f.id = o.first_document_id
) s
UNION ALL
SELECT 'target_verdicts', count(*),
    md5(coalesce(string_agg(line, E'\n' ORDER BY line), ''))
FROM (
    SELECT concat_ws('|', t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family, v.verdict,
        v.rule, o.kind, o.year, o.unit_family) AS line
    FROM target_verdicts v
    JOIN targets t ON t.id = v.target_id
    LEFT JOIN outcomes o ON o.id = v.outcome_id
) s;
