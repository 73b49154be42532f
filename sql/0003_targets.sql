-- Deduplicated commitments (targets) with their revisions, the indicator vocabulary, ingest runs,
-- cheap region hierarchy queries and a content checksum for comparing databases.
-- Documented in docs/sql.md.

-- Regions: every division knows its prefecture as well as its province, so "a province with its
-- cities and counties" is `WHERE province_code = $1` and "a city with its counties" is
-- `WHERE prefecture_code = $1` (both indexed), no recursive query needed.
ALTER TABLE regions ADD COLUMN prefecture_code text REFERENCES regions (code);
UPDATE regions SET prefecture_code = code WHERE level = 'prefecture';
UPDATE regions r SET prefecture_code = p.code
FROM regions p
WHERE r.level = 'county' AND p.code = r.parent_code AND p.level = 'prefecture';
CREATE INDEX regions_province_code ON regions (province_code);
CREATE INDEX regions_prefecture_code ON regions (prefecture_code);

-- Indicators: the canonical vocabulary. `key` is stable; `name` is for display; `unit_family`
-- says which targets can be compared. Keys of indicators found in text but not in the
-- vocabulary are `x:` + the normalized text, inserted by ptt as they appear (never dropped).
CREATE TABLE indicators (
    key text PRIMARY KEY,
    name text NOT NULL,
    unit_family text NOT NULL
        CHECK (unit_family IN ('money', 'percent', 'count', 'area', 'length', 'mass', 'energy', 'ratio', 'mixed', 'none')),
    canonical boolean NOT NULL DEFAULT false
);

-- Aliases in normalized form (no spaces, punctuation or quotes; 规上 spelled 规模以上; GDP
-- spelled 地区生产总值), as ptt's IndicatorKey normalizes indicator text before looking it up.
CREATE TABLE indicator_aliases (
    alias text PRIMARY KEY,
    indicator_key text NOT NULL REFERENCES indicators (key)
);

INSERT INTO indicators (key, name, unit_family, canonical) VALUES
('gdp', '地区生产总值', 'mixed', true),
('gdp_per_capita', '人均地区生产总值', 'money', true),
('industrial_value_added', '规模以上工业增加值', 'mixed', true),
('industrial_output', '规模以上工业总产值', 'mixed', true),
('industrial_revenue', '规模以上工业营业收入', 'money', true),
('manufacturing_value_added', '制造业增加值', 'mixed', true),
('manufacturing_share', '制造业增加值占地区生产总值比重', 'percent', true),
('rd_spending', '研发经费投入', 'mixed', true),
('rd_intensity', '研发经费投入强度', 'percent', true),
('fiscal_revenue', '一般公共预算收入', 'mixed', true),
('tax_revenue', '税收收入', 'mixed', true),
('retail_sales', '社会消费品零售总额', 'mixed', true),
('fixed_asset_investment', '固定资产投资', 'mixed', true),
('industrial_investment', '工业投资', 'mixed', true),
('manufacturing_investment', '制造业投资', 'mixed', true),
('tech_upgrade_investment', '技改投资', 'mixed', true),
('foreign_trade', '进出口总额', 'mixed', true),
('exports', '外贸出口', 'mixed', true),
('fdi', '实际利用外资', 'mixed', true),
('urban_income', '城镇居民人均可支配收入', 'mixed', true),
('rural_income', '农村居民人均可支配收入', 'mixed', true),
('digital_economy', '数字经济核心产业增加值', 'mixed', true),
('digital_economy_share', '数字经济核心产业增加值占地区生产总值比重', 'percent', true),
('services_value_added', '服务业增加值', 'mixed', true),
('agriculture_value_added', '农业增加值', 'mixed', true),
('strategic_industries', '战略性新兴产业增加值', 'mixed', true),
('high_tech_value_added', '高新技术产业增加值', 'mixed', true),
('urbanization_rate', '常住人口城镇化率', 'percent', true),
('forest_coverage', '森林覆盖率', 'percent', true),
('good_air_days', '空气质量优良天数比率', 'percent', true),
('surveyed_unemployment', '城镇调查失业率', 'percent', true),
('registered_unemployment', '城镇登记失业率', 'percent', true),
('cpi', '居民消费价格涨幅', 'percent', true),
('new_urban_jobs', '城镇新增就业', 'count', true),
('energy_per_gdp', '单位地区生产总值能耗', 'percent', true),
('co2_per_gdp', '单位地区生产总值二氧化碳排放', 'percent', true),
('high_tech_enterprises', '高新技术企业', 'count', true),
('above_scale_enterprises', '规模以上工业企业', 'count', true),
('tax_per_mu', '亩均税收', 'mixed', true),
('patents_per_10k', '每万人口高价值发明专利拥有量', 'count', true);

INSERT INTO indicator_aliases (alias, indicator_key) VALUES
('地区生产总值', 'gdp'), ('国内生产总值', 'gdp'), ('生产总值', 'gdp'), ('经济', 'gdp'),
('经济增长', 'gdp'), ('经济增速', 'gdp'), ('经济总量', 'gdp'),
('人均地区生产总值', 'gdp_per_capita'), ('人均生产总值', 'gdp_per_capita'),
('规模以上工业增加值', 'industrial_value_added'), ('工业增加值', 'industrial_value_added'),
('规模以上工业总产值', 'industrial_output'), ('规模以上工业产值', 'industrial_output'),
('工业总产值', 'industrial_output'), ('工业产值', 'industrial_output'),
('规模以上工业营业收入', 'industrial_revenue'),
('制造业增加值', 'manufacturing_value_added'), ('规模以上制造业增加值', 'manufacturing_value_added'),
('制造业增加值占地区生产总值比重', 'manufacturing_share'),
('研发经费投入', 'rd_spending'), ('研发费用', 'rd_spending'), ('研发经费', 'rd_spending'),
('研发投入', 'rd_spending'), ('全社会研发经费投入', 'rd_spending'), ('研发经费支出', 'rd_spending'),
('研究与试验发展经费投入', 'rd_spending'), ('研究与试验发展经费支出', 'rd_spending'),
('研发经费投入强度', 'rd_intensity'), ('全社会研发经费投入强度', 'rd_intensity'),
('研发支出占地区生产总值的比重', 'rd_intensity'), ('研发经费投入占地区生产总值比重', 'rd_intensity'),
('研发经费占地区生产总值比重', 'rd_intensity'),
('一般公共预算收入', 'fiscal_revenue'), ('地方一般公共预算收入', 'fiscal_revenue'),
('县级一般公共预算收入', 'fiscal_revenue'), ('市级一般公共预算收入', 'fiscal_revenue'),
('税收收入', 'tax_revenue'),
('社会消费品零售总额', 'retail_sales'), ('社会消费品零售额', 'retail_sales'),
('固定资产投资', 'fixed_asset_investment'), ('全社会固定资产投资', 'fixed_asset_investment'),
('工业投资', 'industrial_investment'),
('制造业投资', 'manufacturing_investment'),
('技改投资', 'tech_upgrade_investment'), ('工业技改投资', 'tech_upgrade_investment'),
('进出口总额', 'foreign_trade'), ('外贸进出口总额', 'foreign_trade'), ('外贸进出口额', 'foreign_trade'),
('外贸进出口', 'foreign_trade'),
('外贸出口', 'exports'), ('出口总额', 'exports'),
('实际利用外资', 'fdi'), ('实际使用外资', 'fdi'),
('城镇居民人均可支配收入', 'urban_income'),
('农村居民人均可支配收入', 'rural_income'),
('数字经济核心产业增加值', 'digital_economy'),
('数字经济核心产业增加值占地区生产总值比重', 'digital_economy_share'),
('服务业增加值', 'services_value_added'),
('农业增加值', 'agriculture_value_added'),
('战略性新兴产业增加值', 'strategic_industries'),
('高新技术产业增加值', 'high_tech_value_added'),
('常住人口城镇化率', 'urbanization_rate'), ('城镇化率', 'urbanization_rate'),
('森林覆盖率', 'forest_coverage'),
('空气质量优良天数比率', 'good_air_days'),
('城镇调查失业率', 'surveyed_unemployment'), ('调查失业率', 'surveyed_unemployment'),
('城镇登记失业率', 'registered_unemployment'),
('居民消费价格涨幅', 'cpi'), ('cpi涨幅', 'cpi'), ('居民消费价格', 'cpi'),
('城镇新增就业', 'new_urban_jobs'), ('新增城镇就业', 'new_urban_jobs'),
('单位地区生产总值能耗', 'energy_per_gdp'), ('单位地区生产总值能源消耗', 'energy_per_gdp'),
('单位地区生产总值二氧化碳排放', 'co2_per_gdp'),
('高新技术企业', 'high_tech_enterprises'), ('高新技术企业数量', 'high_tech_enterprises'),
('规模以上工业企业', 'above_scale_enterprises'), ('规模以上工业企业数量', 'above_scale_enterprises'),
('亩均税收', 'tax_per_mu'),
('每万人口高价值发明专利拥有量', 'patents_per_10k');

-- Documents: `content_hash` is the SHA-256 of the normalized text, so the same article read
-- as .txt and as .html is one document; `raw_hash` is the SHA-256 of the file's bytes.
COMMENT ON COLUMN documents.content_hash IS 'SHA-256 (hex) of the normalized text';
ALTER TABLE documents ADD COLUMN raw_hash text CHECK (raw_hash ~ '^[0-9a-f]{64}$');
ALTER TABLE documents ADD COLUMN plan_period text;
CREATE INDEX documents_raw_hash_idx ON documents (raw_hash);

-- Mentions carry the identity of the target they state, computed by ptt at ingest:
-- the region (the mention's own, else the publisher's), the indicator key and the unit family.
ALTER TABLE mentions ADD COLUMN target_region_code text CHECK (target_region_code ~ '^[0-9]{6}$');
ALTER TABLE mentions ADD COLUMN indicator_key text NOT NULL REFERENCES indicators (key);
ALTER TABLE mentions ADD COLUMN unit_family text NOT NULL;
CREATE INDEX mentions_target_idx ON mentions (target_region_code, indicator_key);

-- Targets: one row per commitment, however many documents state it. The identity is
-- (region, indicator, kind, deadline, unit family); the attributes come from the mention in the
-- latest document (by publication date, then content hash, then position), so the result does
-- not depend on the order documents were ingested in. Derived from mentions by ptt after each
-- document, under a transaction-scoped advisory lock per (region, indicator).
CREATE TABLE targets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region_code text,
    indicator_key text NOT NULL REFERENCES indicators (key),
    kind text NOT NULL,
    deadline_year integer,
    unit_family text NOT NULL,
    indicator text NOT NULL,
    multiplier numeric,
    value numeric,
    unit text,
    qualifier text,
    firmness text,
    per_year boolean,
    base_year integer,
    -- The document whose mention gives the current attributes, and the first one that stated it.
    latest_document_id bigint NOT NULL REFERENCES documents (id),
    first_document_id bigint NOT NULL REFERENCES documents (id),
    documents integer NOT NULL,
    mentions integer NOT NULL,
    CONSTRAINT targets_identity UNIQUE NULLS NOT DISTINCT (region_code, indicator_key, kind, deadline_year, unit_family)
);
CREATE INDEX targets_deadline_year_idx ON targets (deadline_year);
CREATE INDEX targets_pair_idx ON targets (coalesce(region_code, ''), indicator_key);

-- Target revisions: each document (in publication order) that stated a different number than
-- the one before it. Derived with the targets, so re-ingesting never duplicates them.
CREATE TABLE target_revisions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_id bigint NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
    document_id bigint NOT NULL REFERENCES documents (id),
    old_multiplier numeric,
    old_value numeric,
    old_unit text,
    new_multiplier numeric,
    new_value numeric,
    new_unit text,
    UNIQUE (target_id, document_id)
);

-- Ingest runs: one row per `ptt ingest`; finished_at stays NULL when a run was killed.
CREATE TABLE ingest_runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    extractor_version text NOT NULL,
    jobs integer NOT NULL,
    files integer NOT NULL,
    new integer,
    unchanged integer,
    updated integer,
    failed integer
);

CREATE TABLE ingest_failures (
    run_id bigint NOT NULL REFERENCES ingest_runs (id) ON DELETE CASCADE,
    file text NOT NULL,
    reason text NOT NULL
);
CREATE INDEX ingest_failures_run_id_idx ON ingest_failures (run_id);

-- The deadline report reads targets: one row per commitment, with the number of documents.
DROP VIEW deadlines;
CREATE VIEW deadlines AS
SELECT
    t.deadline_year,
    t.region_code,
    coalesce(r.name, d.publisher_region_name) AS region_name,
    t.indicator,
    t.kind,
    t.multiplier,
    t.value,
    t.unit,
    t.qualifier,
    t.firmness,
    t.per_year,
    t.base_year,
    t.documents AS sources,
    t.indicator_key
FROM targets t
LEFT JOIN regions r ON r.code = t.region_code
JOIN documents d ON d.id = t.latest_document_id
WHERE t.deadline_year IS NOT NULL;

-- Row count and checksum of each table's contents, leaving out what differs between equal
-- databases: surrogate ids (replaced by natural keys), timestamps and ingest runs.
CREATE VIEW content_checksums AS
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
FROM indicators;

-- The mentions of a target, found through an index whatever the region.
DROP INDEX mentions_target_idx;
CREATE INDEX mentions_target_idx ON mentions (coalesce(target_region_code, ''), indicator_key);

-- Re-derives the targets and revisions of the given (region, indicator key) pairs from all
-- mentions (region '' for none). Called by ptt in the transaction that changed a document's
-- mentions, with the pairs of its old and new mentions. Takes a transaction-scoped advisory lock
-- per pair first, in a fixed order, so concurrent ingests neither deadlock nor miss each other's
-- mentions: each statement after the lock sees everything committed before it was granted.
CREATE FUNCTION ptt_refresh_targets(region_codes text[], indicator_keys text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    pair record;
BEGIN
    PERFORM pg_advisory_xact_lock(h)
    FROM (
        SELECT DISTINCT hashtextextended(r || '|' || k, 7270410502) AS h
        FROM unnest(region_codes, indicator_keys) AS u(r, k)
        ORDER BY h
    ) s;

    -- One pair at a time, so every statement finds its mentions through mentions_target_idx.
    FOR pair IN SELECT DISTINCT r, k FROM unnest(region_codes, indicator_keys) AS u(r, k) ORDER BY r, k LOOP

    -- Upsert every target of these pairs from its mentions: attributes from the first mention
    -- (by position) in the latest document (by publication date, then content hash).
    INSERT INTO targets AS t (region_code, indicator_key, kind, deadline_year, unit_family, indicator, multiplier,
        value, unit, qualifier, firmness, per_year, base_year, latest_document_id, first_document_id, documents,
        mentions)
    SELECT l.target_region_code, l.indicator_key, l.kind, l.deadline_year, l.unit_family, l.indicator,
        l.multiplier, l.value, l.unit, l.qualifier, l.firmness, l.per_year, l.base_year, l.document_id,
        f.document_id, c.n, l.mentions
    FROM (
        SELECT m.*,
            row_number() OVER (PARTITION BY m.target_region_code, m.indicator_key, m.kind, m.deadline_year, m.unit_family
                ORDER BY d.published_on DESC NULLS LAST, d.content_hash DESC, m.span_start, m.span_end) AS latest_rank,
            count(*) OVER (PARTITION BY m.target_region_code, m.indicator_key, m.kind, m.deadline_year, m.unit_family) AS mentions
        FROM mentions m
        JOIN documents d ON d.id = m.document_id
        WHERE coalesce(m.target_region_code, '') = pair.r AND m.indicator_key = pair.k
    ) l
    JOIN LATERAL (
        SELECT count(DISTINCT m2.document_id) AS n
        FROM mentions m2
        WHERE coalesce(m2.target_region_code, '') = coalesce(l.target_region_code, '') AND m2.indicator_key = l.indicator_key
            AND m2.kind = l.kind AND m2.deadline_year IS NOT DISTINCT FROM l.deadline_year AND m2.unit_family = l.unit_family
    ) c ON true
    JOIN LATERAL (
        SELECT m3.document_id
        FROM mentions m3 JOIN documents d3 ON d3.id = m3.document_id
        WHERE coalesce(m3.target_region_code, '') = coalesce(l.target_region_code, '') AND m3.indicator_key = l.indicator_key
            AND m3.kind = l.kind AND m3.deadline_year IS NOT DISTINCT FROM l.deadline_year AND m3.unit_family = l.unit_family
        ORDER BY d3.published_on NULLS FIRST, d3.content_hash, m3.span_start, m3.span_end
        LIMIT 1
    ) f ON true
    WHERE l.latest_rank = 1
    ON CONFLICT ON CONSTRAINT targets_identity DO UPDATE SET
        indicator = EXCLUDED.indicator, multiplier = EXCLUDED.multiplier, value = EXCLUDED.value,
        unit = EXCLUDED.unit, qualifier = EXCLUDED.qualifier, firmness = EXCLUDED.firmness,
        per_year = EXCLUDED.per_year, base_year = EXCLUDED.base_year,
        latest_document_id = EXCLUDED.latest_document_id, first_document_id = EXCLUDED.first_document_id,
        documents = EXCLUDED.documents, mentions = EXCLUDED.mentions;

    -- Targets no mention states any more (a re-extraction dropped them).
    DELETE FROM targets t
    WHERE coalesce(t.region_code, '') = pair.r AND t.indicator_key = pair.k
        AND NOT EXISTS (
            SELECT 1 FROM mentions m
            WHERE coalesce(m.target_region_code, '') = pair.r AND m.indicator_key = t.indicator_key
                AND m.kind = t.kind AND m.deadline_year IS NOT DISTINCT FROM t.deadline_year
                AND m.unit_family = t.unit_family);

    -- Revisions: each document, in publication order, whose number differs from the previous one's.
    DELETE FROM target_revisions v
    USING targets t
    WHERE v.target_id = t.id AND coalesce(t.region_code, '') = pair.r AND t.indicator_key = pair.k;

    INSERT INTO target_revisions (target_id, document_id, old_multiplier, old_value, old_unit, new_multiplier,
        new_value, new_unit)
    SELECT target_id, document_id, old_multiplier, old_value, old_unit, multiplier, value, unit
    FROM (
        SELECT p.*,
            lag(p.multiplier) OVER w AS old_multiplier, lag(p.value) OVER w AS old_value,
            lag(p.unit) OVER w AS old_unit, row_number() OVER w AS n
        FROM (
            SELECT DISTINCT ON (t.id, m.document_id)
                t.id AS target_id, m.document_id, d.published_on, d.content_hash, m.multiplier, m.value, m.unit
            FROM targets t
            JOIN mentions m ON coalesce(m.target_region_code, '') = pair.r AND m.indicator_key = t.indicator_key
                AND m.kind = t.kind AND m.deadline_year IS NOT DISTINCT FROM t.deadline_year
                AND m.unit_family = t.unit_family
            JOIN documents d ON d.id = m.document_id
            WHERE coalesce(t.region_code, '') = pair.r AND t.indicator_key = pair.k
            ORDER BY t.id, m.document_id, m.span_start, m.span_end
        ) p
        WINDOW w AS (PARTITION BY p.target_id ORDER BY p.published_on NULLS FIRST, p.content_hash)
    ) s
    WHERE n > 1 AND (multiplier, value, unit) IS DISTINCT FROM (old_multiplier, old_value, old_unit);
    END LOOP;
END;
$$;
