-- Views the reports read (ptt deadlines, compare, targets, show, export, report), so an analyst
-- in psql sees the same numbers as the CLI. Documented in docs/sql.md.

-- A region with its path from the province down: 浙江省 › 丽水市 › 松阳县.
CREATE VIEW region_paths AS
SELECT r.code, r.name, r.short_name, r.level, r.parent_code, r.province_code, r.prefecture_code,
    concat_ws(' › ',
        CASE WHEN p.code <> r.code THEN p.name END,
        CASE WHEN f.code <> r.code THEN f.name END,
        r.name) AS path
FROM regions r
LEFT JOIN regions p ON p.code = r.province_code
LEFT JOIN regions f ON f.code = r.prefecture_code;

-- The year before a plan period starts: 十四五 → 2020, 2023-2025 → 2022; NULL for none.
CREATE FUNCTION ptt_plan_base_year(plan_period text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN plan_period ~ '^[0-9]{4}-[0-9]{4}$' THEN left(plan_period, 4)::integer - 1
        ELSE 2005 + 5 * (array_position(ARRAY['十一五', '十二五', '十三五', '十四五', '十五五', '十六五'], plan_period) - 1)
    END
$$;

-- Where a deadline falls relative to a date: past_due, due_this_year, upcoming, long_term (2035+).
CREATE FUNCTION ptt_horizon(deadline_year integer, as_of date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN deadline_year IS NULL THEN NULL
        WHEN deadline_year < extract(year FROM as_of) THEN 'past_due'
        WHEN deadline_year = extract(year FROM as_of) THEN 'due_this_year'
        WHEN deadline_year >= 2035 THEN 'long_term'
        ELSE 'upcoming'
    END
$$;

-- A number without trailing zeros: 2.0 → 2, 2.80 → 2.8.
CREATE FUNCTION ptt_number(x numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT trim_scale(x)::text $$;

-- How many base units a money or count unit holds: 万亿元 → 1e12, 亿元 → 1e8, 万家 → 1e4.
CREATE FUNCTION ptt_unit_scale(unit text) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN unit ~ '^万亿' THEN 1e12
        WHEN unit ~ '^亿' THEN 1e8
        WHEN unit ~ '^千万' THEN 1e7
        WHEN unit ~ '^百万' THEN 1e6
        WHEN unit ~ '^万' THEN 1e4
        ELSE 1
    END
$$;

-- The unit a level is compared in: money and counts without their scale (亿元 → 元), others as
-- written. Two levels are compared only when this and the unit family agree.
CREATE FUNCTION ptt_base_unit(unit text, unit_family text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN unit IS NULL OR unit = '' THEN NULL
        WHEN unit_family IN ('money', 'count') THEN regexp_replace(unit, '^(万亿|亿|千万|百万|万)', '')
        ELSE unit
    END
$$;

-- One row per target with everything the reports show. The base year, when the texts do not
-- state one, is the year before the plan period of the first document (十四五 → 2020), else the
-- year before that document was published; base_year_source says which. implied_annual_rate is a
-- fraction: multiplier^(1/years) − 1 for multiples, stated annual rates as they are, and
-- (1 ± g)^(1/years) − 1 for cumulative growth or reduction in percent.
CREATE VIEW target_report AS
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
    CASE
        WHEN t.kind = 'multiple' AND t.multiplier > 0 AND t.deadline_year > b.base_year
            THEN power(t.multiplier::float8, 1.0 / (t.deadline_year - b.base_year)) - 1
        WHEN t.kind IN ('growth', 'reduction') AND t.unit = '%' AND t.per_year
            THEN (CASE t.kind WHEN 'growth' THEN 1 ELSE -1 END) * t.value::float8 / 100
        WHEN t.kind IN ('growth', 'reduction') AND t.unit = '%' AND t.deadline_year > b.base_year
            THEN power(1 + (CASE t.kind WHEN 'growth' THEN 1 ELSE -1 END) * t.value::float8 / 100,
                1.0 / (t.deadline_year - b.base_year)) - 1
    END AS implied_annual_rate,
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
    (SELECT count(*) FROM target_revisions v WHERE v.target_id = t.id) AS revisions
FROM targets t
JOIN documents fd ON fd.id = t.first_document_id
JOIN documents ld ON ld.id = t.latest_document_id
LEFT JOIN region_paths rp ON rp.code = t.region_code
LEFT JOIN indicators i ON i.key = t.indicator_key
CROSS JOIN LATERAL (
    SELECT coalesce(t.base_year, ptt_plan_base_year(fd.plan_period),
            extract(year FROM fd.published_on)::integer - 1) AS base_year,
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

-- The deadline report: dated targets, with the columns of 0003's view first.
DROP VIEW deadlines;
CREATE VIEW deadlines AS
SELECT deadline_year, region_code, region_name, indicator, kind, multiplier, value, unit, qualifier, firmness,
    per_year, base_year, sources, indicator_key, id AS target_id, region_path, region_level, province_code,
    prefecture_code, indicator_name, target_text, first_title, first_published_on
FROM target_report
WHERE deadline_year IS NOT NULL;

-- Targets side by side per indicator. `measure` says what is compared: the annual rate (stated,
-- or implied by a multiple or cumulative growth), or a level in one base unit (元, %, 家 …).
-- `rank` orders one indicator's targets of one measure, highest first (NULL when alone); `note` says why a target
-- is not compared, or what was assumed. regions_sharing counts the regions targeting the indicator.
CREATE VIEW compare_targets AS
SELECT c.*,
    CASE WHEN count(*) OVER (PARTITION BY c.indicator_key, c.measure) > 1 AND c.measure IS NOT NULL THEN
        rank() OVER (PARTITION BY c.indicator_key, c.measure
            ORDER BY coalesce(c.implied_annual_rate, c.level_in_base_unit::float8) DESC)
    END AS rank,
    count(*) FILTER (WHERE c.measure IS NOT NULL) OVER (PARTITION BY c.indicator_key, c.measure) AS measure_peers,
    (SELECT count(DISTINCT t2.region_code) FROM targets t2 WHERE t2.indicator_key = c.indicator_key) AS regions_sharing,
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
) c;
