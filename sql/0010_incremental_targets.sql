-- Targets derived per identity, not per (region, indicator) pair. Documented in docs/sql.md.
--
-- ptt_refresh_targets (0003) re-derives every target and revision of each pair a document
-- touches, so its cost grows with the number of documents already stating the pair (5.7 ms a
-- document at 100,000 documents, 62 % of the ingest). A target depends only on the mentions of
-- its own identity (region, indicator, kind, deadline, unit family), so re-deriving the
-- identities a batch of documents touches gives the same tables at a cost that does not grow
-- with the corpus.

-- The mentions of one identity, through one index. It starts with the pair, so it also serves
-- every lookup mentions_target_idx served, which it replaces (one index to maintain per row,
-- not two). deadline_year is NULL for undated targets: the index holds coalesce(…, -1), and
-- queries add `IS NOT DISTINCT FROM` so no year can be mistaken for the missing one.
CREATE INDEX mentions_identity_idx ON mentions
    (coalesce(target_region_code, ''), indicator_key, kind, unit_family, coalesce(deadline_year, -1));
DROP INDEX mentions_target_idx;

-- A target is rewritten each time a document restates it (documents, mentions and the
-- latest attributes change; no indexed column does). Room left on each page lets those updates
-- stay on the page (HOT) instead of adding an entry to every index of the table.
ALTER TABLE targets SET (fillfactor = 85);

-- The revisions the targets `target_ids` should have, from their mentions: the first mention (by
-- position) of each document, in publication order (then content hash), and a revision for each
-- document whose number differs from the previous one's. A target stated by one document has
-- none. The rules of ptt_refresh_targets (0003); m.id breaks ties between mentions at the same
-- span, which that function left to the scan order.
CREATE FUNCTION ptt_derive_revisions(target_ids bigint[])
RETURNS TABLE (target_id bigint, document_id bigint, old_multiplier numeric, old_value numeric, old_unit text,
    new_multiplier numeric, new_value numeric, new_unit text)
LANGUAGE sql STABLE AS $$
    SELECT target_id, document_id, old_multiplier, old_value, old_unit, multiplier, value, unit
    FROM (
        SELECT p.*,
            lag(p.multiplier) OVER w AS old_multiplier, lag(p.value) OVER w AS old_value,
            lag(p.unit) OVER w AS old_unit, row_number() OVER w AS n
        FROM (
            SELECT DISTINCT ON (t.id, m.document_id)
                t.id AS target_id, m.document_id, d.published_on, d.content_hash, m.multiplier, m.value, m.unit
            -- `= ANY` rather than a join with unnest: the planner then sees as many rows as the
            -- array has and probes the primary key, where it chose a hash join over a sequential
            -- scan of all targets (49 million rows read in a 10,000-document ingest).
            FROM targets t
            JOIN mentions m ON coalesce(m.target_region_code, '') = coalesce(t.region_code, '')
                AND m.indicator_key = t.indicator_key AND m.kind = t.kind AND m.unit_family = t.unit_family
                AND coalesce(m.deadline_year, -1) = coalesce(t.deadline_year, -1)
                AND m.deadline_year IS NOT DISTINCT FROM t.deadline_year
            JOIN documents d ON d.id = m.document_id
            WHERE t.id = ANY(target_ids) AND t.documents > 1
            ORDER BY t.id, m.document_id, m.span_start, m.span_end, m.id
        ) p
        WINDOW w AS (PARTITION BY p.target_id ORDER BY p.published_on NULLS FIRST, p.content_hash)
    ) s
    WHERE n > 1 AND (multiplier, value, unit) IS DISTINCT FROM (old_multiplier, old_value, old_unit)
$$;

-- Re-derives the targets of the given identities (region '' for none; the arrays are parallel,
-- one element per mention, duplicates allowed) and the revisions of those targets, from all
-- their mentions, with the same rules as ptt_refresh_targets: attributes from the first mention
-- (by position) in the latest document (by publication date, then content hash), the first
-- document by the opposite order, and a revision for each document, in publication order, whose
-- number differs from the previous one's. Called by ptt once per transaction with the
-- identities of the old and new mentions of every document the transaction wrote.
--
-- Locks are the ones ptt_refresh_targets takes: a transaction-scoped advisory lock per
-- (region, indicator) pair, all taken first in one fixed order, so concurrent ingests neither
-- deadlock nor miss each other's mentions (each statement after the locks sees everything
-- committed before they were granted). ptt takes its per-document locks before calling this and
-- none after, so the two kinds of lock are always taken in the same order too.
CREATE FUNCTION ptt_refresh_target_identities(
    region_codes text[], indicator_keys text[], kinds text[], deadline_years integer[], unit_families text[]
) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    touched bigint[];
BEGIN
    PERFORM pg_advisory_xact_lock(h)
    FROM (
        SELECT DISTINCT hashtextextended(coalesce(r, '') || '|' || k, 7270410502) AS h
        FROM unnest(region_codes, indicator_keys) AS u(r, k)
        ORDER BY h
    ) s;

    -- Per identity, one pass over its mentions (mentions_identity_idx): counts, the latest
    -- mention (whose attributes the target takes) and the first document. m.id breaks ties
    -- between mentions at the same span, which the old function left to the scan order.
    -- Identities left without mentions (a re-extraction dropped them) lose their target; the
    -- others are upserted, and the ids of all targets still standing are kept for the revisions.
    WITH identity AS (
        SELECT DISTINCT coalesce(r, '') AS r, k, kind, y, f
        FROM unnest(region_codes, indicator_keys, kinds, deadline_years, unit_families) AS u(r, k, kind, y, f)
    ),
    derived AS (
        SELECT i.*, a.*
        FROM identity i
        CROSS JOIN LATERAL (
            SELECT count(*) AS mention_count, count(DISTINCT m.document_id) AS document_count,
                (array_agg(m.id ORDER BY d.published_on DESC NULLS LAST, d.content_hash DESC, m.span_start,
                    m.span_end, m.id))[1] AS latest_mention_id,
                (array_agg(m.document_id ORDER BY d.published_on NULLS FIRST, d.content_hash, m.span_start,
                    m.span_end, m.id))[1] AS first_document_id
            FROM mentions m
            JOIN documents d ON d.id = m.document_id
            WHERE coalesce(m.target_region_code, '') = i.r AND m.indicator_key = i.k AND m.kind = i.kind
                AND m.unit_family = i.f AND coalesce(m.deadline_year, -1) = coalesce(i.y, -1)
                AND m.deadline_year IS NOT DISTINCT FROM i.y
        ) a
    ),
    dropped AS (
        DELETE FROM targets t
        USING derived x
        WHERE x.mention_count = 0
            AND coalesce(t.region_code, '') = x.r AND t.indicator_key = x.k AND t.kind = x.kind
            AND t.deadline_year IS NOT DISTINCT FROM x.y AND t.unit_family = x.f
    ),
    upserted AS (
        INSERT INTO targets AS t (region_code, indicator_key, kind, deadline_year, unit_family, indicator,
            multiplier, value, unit, qualifier, firmness, per_year, base_year, latest_document_id,
            first_document_id, documents, mentions)
        SELECT l.target_region_code, l.indicator_key, l.kind, l.deadline_year, l.unit_family, l.indicator,
            l.multiplier, l.value, l.unit, l.qualifier, l.firmness, l.per_year, l.base_year, l.document_id,
            x.first_document_id, x.document_count, x.mention_count
        FROM derived x
        JOIN mentions l ON l.id = x.latest_mention_id
        ON CONFLICT ON CONSTRAINT targets_identity DO UPDATE SET
            indicator = EXCLUDED.indicator, multiplier = EXCLUDED.multiplier, value = EXCLUDED.value,
            unit = EXCLUDED.unit, qualifier = EXCLUDED.qualifier, firmness = EXCLUDED.firmness,
            per_year = EXCLUDED.per_year, base_year = EXCLUDED.base_year,
            latest_document_id = EXCLUDED.latest_document_id, first_document_id = EXCLUDED.first_document_id,
            documents = EXCLUDED.documents, mentions = EXCLUDED.mentions
        RETURNING t.id
    )
    SELECT array_agg(id) INTO touched FROM upserted;

    -- Revisions of the targets touched, made equal to those derived from their mentions. Rows
    -- that stay the same are left alone, so a target restated by many documents does not have
    -- all its revisions rewritten each time one more states it.
    WITH derived AS MATERIALIZED (SELECT * FROM ptt_derive_revisions(touched))
    DELETE FROM target_revisions v
    WHERE v.target_id = ANY(touched)
        AND NOT EXISTS (
            SELECT 1 FROM derived r
            WHERE r.target_id = v.target_id AND r.document_id = v.document_id
                AND (r.old_multiplier, r.old_value, r.old_unit, r.new_multiplier, r.new_value, r.new_unit)
                    IS NOT DISTINCT FROM
                    (v.old_multiplier, v.old_value, v.old_unit, v.new_multiplier, v.new_value, v.new_unit));

    INSERT INTO target_revisions (target_id, document_id, old_multiplier, old_value, old_unit, new_multiplier,
        new_value, new_unit)
    SELECT r.*
    FROM ptt_derive_revisions(touched) r
    WHERE NOT EXISTS (
        SELECT 1 FROM target_revisions v WHERE v.target_id = r.target_id AND v.document_id = r.document_id);
END;
$$;
