import Ingest

/// What saving a document did.
public enum SaveOutcome: String, Sendable, CaseIterable {
    /// Text not seen before: stored with its mentions.
    case new
    /// Same text, same extractor version and facts: only `last_seen` was touched.
    case unchanged
    /// Same text, but a new extractor version, new facts or `--reextract`: the row and its
    /// mentions replaced, in one transaction.
    case updated
}

/// Stores documents, their mentions and the targets derived from them, over one connection.
///
/// Each document is saved in its own transaction: the document row, its mentions (by COPY) and
/// the targets and revisions of the (region, indicator) pairs it touches, so a crash or a kill
/// leaves either all of a document or none of it. Concurrent stores (other processes included)
/// may save overlapping documents: a transaction-scoped advisory lock per document and per
/// (region, indicator) pair orders them, and targets are derived from all mentions rather than
/// patched, so the end state does not depend on the order.
///
/// Not `Sendable`: it owns a connection. Use one per worker.
public final class DocumentStore {
    public let connection: Connection
    var vocabulary: IndicatorVocabulary

    /// Uses `connection`, whose schema must be migrated; reads the indicator vocabulary.
    public init(connection: Connection) throws {
        self.connection = connection
        self.vocabulary = try IndicatorVocabulary.load(connection)
    }

    /// The document's identity: SHA-256 of its normalized text.
    public static func contentHash(of document: Document) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(document.text.count * 3)
        for scalar in document.text { UTF8.encode(scalar) { bytes.append($0) } }
        return SHA256.hex(bytes)
    }

    /// The key of a file's reading: SHA-256 of its bytes' hash and the manifest hints, which with
    /// the extractor version determine the document ptt stores (`documents.ingest_key`).
    public static func ingestKey(rawHash: String, hints: DocumentHints) -> String {
        func field(_ name: String, _ value: String?) -> String { name + (value.map { "=" + $0 } ?? "-") }
        let parts = [
            rawHash, field("title", hints.title), field("published_on", hints.publishedOn?.description),
            field("year", hints.year.map(String.init)), field("publisher_region", hints.publisherRegion),
        ]
        return SHA256.hex(Array(parts.joined(separator: "\u{1F}").utf8))
    }

    /// The fast path of a re-ingest: of `ingestKeys`, those of documents last written or confirmed
    /// from a file with that key (same bytes, same hints) by `extractorVersion`; touches their
    /// `last_seen`. Those files need not be decoded or extracted. One statement, locking rows in
    /// id order (so concurrent runs cannot deadlock on them).
    public func touchStored(ingestKeys: [String], extractorVersion: String) throws -> Set<String> {
        guard !ingestKeys.isEmpty else { return [] }
        let rows = try connection.execute(
            """
            UPDATE documents d SET last_seen = now()
            FROM (
                SELECT id FROM documents
                WHERE ingest_key = ANY(\(ingestKeys)) AND extractor_version = \(extractorVersion)
                ORDER BY id FOR NO KEY UPDATE
            ) s
            WHERE d.id = s.id
            RETURNING d.ingest_key
            """
        ).rows
        return Set(try rows.map { try $0.decode(0, as: String.self) })
    }

    /// Stores `document` unless it is stored already with the same extractor version and facts.
    ///
    /// `extract` runs only when the mentions are needed (new or changed document, or
    /// `reextract`), so unchanged documents cost one query and one update. `rawHash` is the
    /// SHA-256 of the file's bytes; `regionName` the publisher region a manifest gave, used when
    /// the text pipeline could not resolve it to a code. `ingestKey` (see `ingestKey(rawHash:hints:)`)
    /// is recorded on the row whenever this file writes or confirms it.
    public func save(
        document: Document, rawHash: String? = nil, ingestKey: String? = nil, extractorVersion: String,
        regionName: String? = nil, reextract: Bool = false, extract: () throws -> [Commitment]
    ) throws -> SaveOutcome {
        let contentHash = DocumentStore.contentHash(of: document)
        let fields = Fields(document: document, regionName: regionName)
        if !reextract,
            try isUnchanged(
                contentHash: contentHash, fields: fields, extractorVersion: extractorVersion, ingestKey: ingestKey)
        {
            return .unchanged
        }
        let mentions = try extract()
        let rows = try mentionRows(mentions, publisherRegion: fields.regionCode)
        return try connection.withTransaction { db in
            // One transaction per document at a time, across processes.
            try db.execute("SELECT pg_advisory_xact_lock(1, hashtext(\(contentHash)))")
            let existing = try db.execute(
                """
                SELECT id, extractor_version, title, published_on, publisher_region_code, publisher_region_name
                FROM documents WHERE content_hash = \(contentHash) FOR UPDATE
                """
            ).first
            let raw = Fields.storable(String(String.UnicodeScalarView(document.raw)))
            let text = Fields.storable(String(String.UnicodeScalarView(document.text)))
            let id: Int
            var pairs: [(String, String)] = []
            let outcome: SaveOutcome
            if let existing {
                id = try existing.decode("id")
                if !reextract, try fields.matches(existing, extractorVersion: extractorVersion) {
                    try db.execute(
                        """
                        UPDATE documents SET last_seen = now(), ingest_key = coalesce(\(ingestKey), ingest_key)
                        WHERE id = \(id)
                        """)
                    return .unchanged
                }
                // The old mentions' targets must be re-derived too.
                for row in try db.execute(
                    """
                    DELETE FROM mentions WHERE document_id = \(id)
                    RETURNING coalesce(target_region_code, ''), indicator_key
                    """
                ).rows {
                    pairs.append((try row.decode(0), try row.decode(1)))
                }
                try db.execute(
                    """
                    UPDATE documents SET source = \(fields.source), title = \(fields.title),
                        published_on = \(fields.publishedOn), publisher = \(fields.publisher),
                        publisher_region_code = \(fields.regionCode), publisher_region_name = \(fields.regionName),
                        normalized_text = \(text), was_traditional = \(fields.wasTraditional),
                        extractor_version = \(extractorVersion), raw_hash = coalesce(raw_hash, \(rawHash)),
                        plan_period = \(fields.planPeriod), last_seen = now(), ingest_key = \(ingestKey)
                    WHERE id = \(id)
                    """)
                outcome = .updated
            } else {
                id = try db.execute(
                    """
                    INSERT INTO documents (content_hash, raw_hash, source, title, published_on, publisher,
                        publisher_region_code, publisher_region_name, raw_text, normalized_text,
                        was_traditional, extractor_version, plan_period, ingest_key)
                    VALUES (\(contentHash), \(rawHash), \(fields.source), \(fields.title), \(fields.publishedOn),
                        \(fields.publisher), \(fields.regionCode), \(fields.regionName), \(raw), \(text),
                        \(fields.wasTraditional), \(extractorVersion), \(fields.planPeriod), \(ingestKey))
                    RETURNING id
                    """
                ).first!.decode(0)
                outcome = .new
            }
            try db.copy(
                into: "mentions", columns: DocumentStore.mentionColumns,
                rows: rows.map { [id.sqlText] + $0.values })
            pairs += rows.map { ($0.region ?? "", $0.indicatorKey) }
            if !pairs.isEmpty {
                try db.execute(
                    "SELECT ptt_refresh_targets(\(pairs.map(\.0)), \(pairs.map(\.1)))")
            }
            return outcome
        }
    }

    /// Whether the document is stored with the same version and facts; if so, touches `last_seen`.
    func isUnchanged(contentHash: String, fields: Fields, extractorVersion: String, ingestKey: String?) throws -> Bool {
        guard
            let row = try connection.execute(
                """
                SELECT id, extractor_version, title, published_on, publisher_region_code, publisher_region_name
                FROM documents WHERE content_hash = \(contentHash)
                """
            ).first, try fields.matches(row, extractorVersion: extractorVersion)
        else { return false }
        let id: Int = try row.decode("id")
        try connection.execute(
            "UPDATE documents SET last_seen = now(), ingest_key = coalesce(\(ingestKey), ingest_key) WHERE id = \(id)")
        return true
    }

    // MARK: Rows

    /// A mention's values in `mentionColumns` order (after document_id), and its target pair.
    struct MentionRow {
        var values: [String?]
        var region: String?
        var indicatorKey: String
    }

    static let mentionColumns = [
        "document_id", "region_code", "region_name", "region_level", "indicator", "kind", "multiplier", "value",
        "unit", "qualifier", "firmness", "per_year", "base_year", "deadline_year", "quote", "span_start", "span_end",
        "target_region_code", "indicator_key", "unit_family",
    ]

    /// The mentions as rows, after adding indicators not yet in the vocabulary.
    ///
    /// New indicators are committed on their own, before the document's transaction: two
    /// stores adding the same indicator inside their transactions could deadlock, and an
    /// indicator without mentions is harmless (the vocabulary only grows). An indicator written
    /// several ways keeps the least (name, unit family) offered, so the row does not depend on
    /// which document came first.
    func mentionRows(_ mentions: [Commitment], publisherRegion: String?) throws -> [MentionRow] {
        var unknown: [String: (name: String, family: UnitFamily)] = [:]
        let rows = mentions.map { m -> MentionRow in
            let indicator = Fields.storable(m.indicator)
            let (key, known) = vocabulary.key(for: indicator)
            let family = UnitFamily(unit: m.unit)
            if !known, unknown[key] == nil { unknown[key] = (indicator, family) }
            let region = m.region?.code ?? publisherRegion
            let values: [String?] = [
                m.region?.code, m.region?.name, m.region?.level.rawValue, indicator, m.kind.rawValue,
                m.multiplier?.sqlText, m.value?.sqlText, m.unit.map(Fields.storable), m.qualifier.map(Fields.storable),
                m.firmness.map(Fields.storable), m.perYear?.sqlText, m.baseYear?.sqlText, m.deadlineYear?.sqlText,
                Fields.storable(m.quote), m.span.lowerBound.sqlText, m.span.upperBound.sqlText,
                region, key, family.rawValue,
            ]
            return MentionRow(values: values, region: region, indicatorKey: key)
        }
        if !unknown.isEmpty {
            let keys = unknown.keys.sorted()
            try connection.execute(
                """
                INSERT INTO indicators (key, name, unit_family)
                SELECT * FROM unnest(\(keys), \(keys.map { unknown[$0]!.name }), \(keys.map { unknown[$0]!.family.rawValue }))
                ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, unit_family = EXCLUDED.unit_family
                WHERE NOT indicators.canonical
                    AND (EXCLUDED.name, EXCLUDED.unit_family) < (indicators.name, indicators.unit_family)
                """)
        }
        return rows
    }
}

@available(*, unavailable)
extension DocumentStore: Sendable {}

/// The document columns ptt compares and writes, prepared once.
struct Fields {
    var source: String
    var title: String?
    var publishedOn: Day?
    var publisher: String?
    var regionCode: String?
    var regionName: String?
    var wasTraditional: Bool
    var planPeriod: String?

    init(document: Document, regionName: String?) {
        let facts = document.facts
        source = Fields.storable(document.source)
        title = facts.title.map(Fields.storable)
        publishedOn = facts.publishedOn
        publisher = facts.publisher.map(Fields.storable)
        regionCode = facts.publisherRegion?.code
        self.regionName = (facts.publisherRegion?.name ?? regionName).map(Fields.storable)
        wasTraditional = facts.wasTraditional
        planPeriod = PlanPeriod.of(title: facts.title)
    }

    /// Whether `row` (extractor_version, title, published_on, publisher_region_code,
    /// publisher_region_name) holds these facts and `extractorVersion`.
    func matches(_ row: Row, extractorVersion: String) throws -> Bool {
        try row.decode("extractor_version", as: String.self) == extractorVersion
            && row.decode("title", as: String?.self) == title
            && row.decode("published_on", as: Day?.self) == publishedOn
            && row.decode("publisher_region_code", as: String?.self) == regionCode
            && row.decode("publisher_region_name", as: String?.self) == regionName
    }

    /// `text` with NUL characters, which PostgreSQL text cannot hold, replaced by U+FFFD: one
    /// scalar for one, so spans stay valid.
    static func storable(_ text: String) -> String {
        guard text.unicodeScalars.contains("\0") else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(s == "\0" ? "\u{FFFD}" : s) }
        return String(out)
    }
}
