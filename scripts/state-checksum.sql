-- A checksum of everything ingest derives, without the surrogate ids (which follow the order
-- transactions committed in): documents by content hash, mentions by document and span, targets
-- by identity with their attributes and first and latest documents, revisions, target_pairs.
-- Two databases that ingested the same files, in any order and by any number of workers, give
-- the same value (docs/scale.md). psql -tA -f scripts/state-checksum.sql
SELECT md5(concat_ws(E'\n',
    (SELECT string_agg(concat_ws('|', content_hash, raw_hash, title, published_on, publisher_region_code,
        plan_period, extractor_version), E'\n' ORDER BY content_hash) FROM documents),
    (SELECT string_agg(concat_ws('|', d.content_hash, m.span_start, m.span_end, m.quote, m.kind, m.indicator_key,
        m.target_region_code, m.deadline_year, m.multiplier, m.value, m.unit), E'\n'
        ORDER BY d.content_hash, m.span_start, m.span_end, m.kind, m.indicator_key)
        FROM mentions m JOIN documents d ON d.id = m.document_id),
    (SELECT string_agg(concat_ws('|', t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family,
        t.indicator, t.multiplier, t.value, t.unit, t.qualifier, t.firmness, t.per_year, t.base_year,
        f.content_hash, l.content_hash, t.documents, t.mentions, t.implied_annual_rate, t.measure,
        t.indicator_family), E'\n'
        ORDER BY t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family)
        FROM targets t JOIN documents f ON f.id = t.first_document_id JOIN documents l ON l.id = t.latest_document_id),
    (SELECT string_agg(concat_ws('|', t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family,
        d.content_hash, v.old_multiplier, v.old_value, v.old_unit, v.new_multiplier, v.new_value, v.new_unit), E'\n'
        ORDER BY t.region_code, t.indicator_key, t.kind, t.deadline_year, t.unit_family, d.content_hash)
        FROM target_revisions v JOIN targets t ON t.id = v.target_id JOIN documents d ON d.id = v.document_id),
    (SELECT string_agg(concat_ws('|', indicator_key, region_code, targets), E'\n' ORDER BY indicator_key, region_code)
        FROM target_pairs)));
