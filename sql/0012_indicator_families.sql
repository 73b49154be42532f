-- Indicator families: which indicators' targets ptt compare ranks against each other when no two
-- regions target the same indicator key (issue 12). Documented in docs/sql.md.
--
-- indicator_aliases (0003) already makes one key of the spellings of one quantity (GDP =
-- 地区生产总值 = 生产总值 = 经济; 规上工业增加值 = 规模以上工业增加值). A family groups keys whose
-- growth rates a reader compares: 规模以上工业增加值 and 制造业增加值, 工业投资 and 制造业投资. An
-- indicator in no family is a family of its own (its key). Analysts add members here (an
-- indicator key, canonical or `x:` + the normalized text of one outside the vocabulary) and every
-- stored target follows.
CREATE TABLE indicator_families (
    key text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE indicator_family_members (
    indicator_key text PRIMARY KEY,
    family text NOT NULL REFERENCES indicator_families (key) ON DELETE CASCADE
);

INSERT INTO indicator_families (key, name) VALUES
('gdp', '地区生产总值'),
('industrial_value_added', '工业和制造业增加值'),
('industrial_output', '工业产值和营业收入'),
('industrial_investment', '工业和制造业投资'),
('digital_economy', '数字经济核心产业增加值'),
('rd_spending', '研发经费投入'),
('public_revenue', '一般公共预算收入和税收'),
('foreign_trade', '进出口和出口'),
('income', '居民人均可支配收入'),
('industries_value_added', '新兴和高新技术产业增加值');

INSERT INTO indicator_family_members (indicator_key, family) VALUES
('gdp', 'gdp'),
('industrial_value_added', 'industrial_value_added'), ('manufacturing_value_added', 'industrial_value_added'),
('x:工业增加值增速', 'industrial_value_added'), ('x:规模以上工业增加值增速', 'industrial_value_added'),
('x:制造业增加值增速', 'industrial_value_added'),
('industrial_output', 'industrial_output'), ('industrial_revenue', 'industrial_output'),
('x:制造业产值', 'industrial_output'), ('x:制造业总产值', 'industrial_output'),
('x:规模以上工业营业收入', 'industrial_output'), ('x:工业营业收入', 'industrial_output'),
('industrial_investment', 'industrial_investment'), ('manufacturing_investment', 'industrial_investment'),
('tech_upgrade_investment', 'industrial_investment'),
('digital_economy', 'digital_economy'), ('x:数字经济增加值', 'digital_economy'),
('x:数字经济核心产业营业收入', 'digital_economy'),
('rd_spending', 'rd_spending'),
('fiscal_revenue', 'public_revenue'), ('tax_revenue', 'public_revenue'),
('foreign_trade', 'foreign_trade'), ('exports', 'foreign_trade'),
('urban_income', 'income'), ('rural_income', 'income'), ('x:居民人均可支配收入', 'income'),
('x:全体居民人均可支配收入', 'income'),
('strategic_industries', 'industries_value_added'), ('high_tech_value_added', 'industries_value_added');

-- An indicator's family: its member row's, else the key itself.
CREATE FUNCTION ptt_indicator_family(indicator_key text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT m.family FROM indicator_family_members m WHERE m.indicator_key = $1), $1)
$$;

-- Stored with each target so a family's targets are read in rank order from an index, like an
-- indicator's (0011): the family of its indicator key, kept by the trigger below and by the one on
-- indicator_family_members.
ALTER TABLE targets ADD COLUMN indicator_family text;

CREATE FUNCTION ptt_target_family() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.indicator_family := ptt_indicator_family(NEW.indicator_key);
    RETURN NEW;
END;
$$;

CREATE TRIGGER target_family BEFORE INSERT OR UPDATE OF indicator_key ON targets
    FOR EACH ROW EXECUTE FUNCTION ptt_target_family();

-- A member added, moved or removed: the targets of the keys it names follow.
CREATE FUNCTION ptt_family_members_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE targets t SET indicator_family = ptt_indicator_family(t.indicator_key)
    WHERE t.indicator_key IN (SELECT indicator_key FROM changed_members);
    RETURN NULL;
END;
$$;

CREATE TRIGGER family_members_inserted AFTER INSERT ON indicator_family_members
    REFERENCING NEW TABLE AS changed_members
    FOR EACH STATEMENT EXECUTE FUNCTION ptt_family_members_changed();
CREATE TRIGGER family_members_updated_old AFTER UPDATE ON indicator_family_members
    REFERENCING OLD TABLE AS changed_members
    FOR EACH STATEMENT EXECUTE FUNCTION ptt_family_members_changed();
CREATE TRIGGER family_members_updated_new AFTER UPDATE ON indicator_family_members
    REFERENCING NEW TABLE AS changed_members
    FOR EACH STATEMENT EXECUTE FUNCTION ptt_family_members_changed();
CREATE TRIGGER family_members_deleted AFTER DELETE ON indicator_family_members
    REFERENCING OLD TABLE AS changed_members
    FOR EACH STATEMENT EXECUTE FUNCTION ptt_family_members_changed();

UPDATE targets SET indicator_family = ptt_indicator_family(indicator_key);
ALTER TABLE targets ALTER COLUMN indicator_family SET NOT NULL;

-- The targets with an annual rate (of regions with a code), by family, highest first: ptt
-- compare counts each family's targets and regions from it alone (an index-only scan as long as
-- the rated targets, not the table) and reads a family's first rows in rank order.
CREATE INDEX targets_family_rate_idx ON targets (indicator_family, measure_value DESC) INCLUDE (region_code)
    WHERE measure = 'annual rate' AND region_code IS NOT NULL;

-- Every target of a region with a measure, ranked across regions within its comparable group:
-- the same family and the same measure (`annual rate`, or a level in one base unit: levels only
-- against levels in the same unit). A rate is a rate whatever the unit of the quantity (×2 and
-- 增长7% a year compare), so the group of a rate is its family alone. `family_rank` is 1 for the
-- highest; `family_peers` is how many targets the group holds; `family_regions` how many regions.
CREATE VIEW compare_families AS
SELECT r.*, t.indicator_family AS family, coalesce(f.name, r.indicator_name) AS family_name,
    rank() OVER g AS family_rank,
    count(*) OVER (PARTITION BY t.indicator_family, r.measure) AS family_peers,
    (
        SELECT count(DISTINCT t2.region_code) FROM targets t2
        WHERE t2.indicator_family = t.indicator_family AND t2.measure = t.measure AND t2.region_code IS NOT NULL
    ) AS family_regions
FROM target_report r
JOIN targets t ON t.id = r.id
LEFT JOIN indicator_families f ON f.key = t.indicator_family
WHERE r.region_code IS NOT NULL AND r.measure IS NOT NULL
WINDOW g AS (PARTITION BY t.indicator_family, r.measure ORDER BY r.measure_value DESC);
