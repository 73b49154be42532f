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

/// Stores documents, their mentions and reported results, and the targets, outcomes and verdicts
/// derived from them, over one connection.
///
/// A batch of documents is saved in one transaction: the document rows, their mentions and their
/// outcome sources (by COPY), then the targets and revisions of the target identities (region,
/// indicator, kind, deadline, unit family) they state, the outcomes of the results' identities
/// (region, indicator, kind, year, unit family), and the verdicts of the targets those touch
/// (sql/0014_outcomes.sql), so a crash or a kill leaves each document either whole or absent. Concurrent stores (other processes included) may save overlapping documents:
/// transaction-scoped advisory locks per document and per (region, indicator) pair, always taken
/// in the same order, serialize them, and targets are derived from all mentions of an identity
/// rather than patched, so the end state does not depend on the order.
///
/// Not `Sendable`: it owns a connection. Use one per worker.
public final class DocumentStore {
    public let connection: Connection
    var vocabulary: IndicatorVocabulary {
        didSet { indicatorKeys.removeAll() }
    }
    /// Indicator text → `vocabulary.key(for:)`; see `indicatorKey(for:)`.
    private var indicatorKeys: [String: (key: String, known: Bool)] = [:]

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
        try save(
            document: document, rawHash: rawHash, ingestKey: ingestKey, extractorVersion: extractorVersion,
            regionName: regionName, reextract: reextract, extractAll: { Extraction(commitments: try extract(), outcomes: []) })
    }

    /// `save(document:…extract:)` with the document's reported results too: `extractAll` gives
    /// commitments and outcomes, stored with the document in one transaction.
    public func save(
        document: Document, rawHash: String? = nil, ingestKey: String? = nil, extractorVersion: String,
        regionName: String? = nil, reextract: Bool = false, extractAll: () throws -> Extraction
    ) throws -> SaveOutcome {
        try withoutActuallyEscaping(extractAll) { extractAll in
            let pending = PendingDocument(
                document: document, rawHash: rawHash, ingestKey: ingestKey, regionName: regionName,
                extractAll: extractAll)
            return try save([pending], extractorVersion: extractorVersion, reextract: reextract)[0].get()
        }
    }

    /// Stores `batch` like `save(document:…)` does each document, in one transaction for all of
    /// them; the result of each, in order.
    ///
    /// A document the server refuses fails alone: the batch is then written again one document
    /// per transaction. A lost connection is thrown; documents of the batch may then be stored
    /// or not, each whole (re-running finds the stored ones unchanged).
    public func save(_ batch: [PendingDocument], extractorVersion: String, reextract: Bool = false) throws
        -> [Result<SaveOutcome, any Error>]
    {
        var drafts = batch.map { Draft(pending: $0) }
        var results = [Result<SaveOutcome, any Error>?](repeating: nil, count: batch.count)

        // The same text twice in a batch (an article as .txt and as .html) is written by the first;
        // the others are saved after the batch, on their own, and find it stored.
        var seen: Set<String> = []
        let repeats = drafts.indices.filter { !seen.insert(drafts[$0].contentHash).inserted }
        var pending = drafts.indices.filter { !repeats.contains($0) }

        if !reextract {
            let unchanged = try touchUnchanged(pending.map { drafts[$0] }, extractorVersion: extractorVersion)
            for i in pending where unchanged.contains(drafts[i].contentHash) { results[i] = .success(.unchanged) }
            pending.removeAll { unchanged.contains(drafts[$0].contentHash) }
        }

        // Extraction runs before the transaction, so no lock is held during the CPU work.
        var unknown: [NewIndicator] = []
        pending.removeAll { i in
            do {
                let extraction = try batch[i].extract()
                drafts[i].mentions = mentionRows(
                    extraction.commitments, publisherRegion: drafts[i].fields.regionCode, unknown: &unknown)
                drafts[i].outcomes = outcomeRows(
                    extraction.outcomes, publisherRegion: drafts[i].fields.regionCode, unknown: &unknown)
                return false
            } catch {
                results[i] = .failure(error)
                return true
            }
        }
        try addIndicators(unknown)

        do {
            for (i, outcome) in zip(pending, try write(pending.map { drafts[$0] }, extractorVersion, reextract)) {
                results[i] = .success(outcome)
            }
        } catch let error as StoreError where error.sqlState.isConnectionLoss || !connection.isOpen {
            throw error
        } catch {
            // One document the server refuses must not take the others with it.
            for i in pending {
                results[i] = try failingAlone { try write([drafts[i]], extractorVersion, reextract)[0] }
            }
        }
        for i in repeats {
            results[i] = try failingAlone {
                try save([batch[i]], extractorVersion: extractorVersion, reextract: reextract)[0].get()
            }
        }
        return results.map { $0! }
    }

    /// The result of `body`, a lost connection thrown.
    private func failingAlone(_ body: () throws -> SaveOutcome) throws -> Result<SaveOutcome, any Error> {
        do {
            return .success(try body())
        } catch let error as StoreError where error.sqlState.isConnectionLoss || !connection.isOpen {
            throw error
        } catch {
            return .failure(error)
        }
    }

    /// Of `drafts`, those stored with the same version and facts (by content hash), whose
    /// `last_seen` (and `ingest_key`) this touches. One query and at most one update; rows are
    /// locked in id order, as every writer locks documents.
    func touchUnchanged(_ drafts: [Draft], extractorVersion: String) throws -> Set<String> {
        guard !drafts.isEmpty else { return [] }
        let byHash = Dictionary(drafts.map { ($0.contentHash, $0) }, uniquingKeysWith: { first, _ in first })
        var ids: [String] = []
        var keys: [String] = []
        var unchanged: Set<String> = []
        for row in try connection.execute(
            """
            SELECT id, content_hash, extractor_version, title, published_on, publisher_region_code,
                publisher_region_name
            FROM documents WHERE content_hash = ANY(\(Array(byHash.keys)))
            """
        ).rows {
            let draft = byHash[try row.decode("content_hash", as: String.self)]!
            guard try draft.fields.matches(row, extractorVersion: extractorVersion) else { continue }
            unchanged.insert(draft.contentHash)
            ids.append(String(try row.decode("id", as: Int.self)))
            keys.append(draft.ingestKey ?? "")
        }
        if !ids.isEmpty {
            try connection.execute(
                """
                UPDATE documents d SET last_seen = now(), ingest_key = coalesce(nullif(u.key, ''), d.ingest_key)
                FROM (
                    SELECT id FROM documents WHERE id = ANY(\(ids)::bigint[]) ORDER BY id FOR NO KEY UPDATE
                ) s
                JOIN unnest(\(ids)::bigint[], \(keys)) AS u(id, key) ON u.id = s.id
                WHERE d.id = s.id
                """)
        }
        return unchanged
    }

    /// Writes `drafts` (distinct texts, mentions extracted) in one transaction: new documents by
    /// COPY, changed ones updated with their mentions replaced, then the targets of every identity
    /// their old and new mentions state, re-derived once for the whole transaction.
    ///
    /// Every writer takes its locks in the same order: advisory locks on the documents' content
    /// hashes (one statement, sorted), the stored documents' rows (one statement, by id), then
    /// advisory locks on the (region, indicator) pairs in `ptt_refresh_target_identities` (one
    /// statement, sorted). So concurrent ingests never deadlock, and the targets are derived from
    /// all committed mentions, whatever order the documents came in.
    func write(_ drafts: [Draft], _ extractorVersion: String, _ reextract: Bool) throws -> [SaveOutcome] {
        guard !drafts.isEmpty else { return [] }
        return try connection.withTransaction { db in
            let hashes = drafts.map(\.contentHash)
            try db.execute(
                """
                SELECT pg_advisory_xact_lock(1, h)
                FROM (SELECT DISTINCT hashtext(c) AS h FROM unnest(\(hashes)) AS c ORDER BY h) s
                """)
            var stored: [String: Row] = [:]
            for row in try db.execute(
                """
                SELECT id, content_hash, extractor_version, title, published_on, publisher_region_code,
                    publisher_region_name
                FROM documents WHERE content_hash = ANY(\(hashes)) ORDER BY id FOR NO KEY UPDATE
                """
            ).rows {
                stored[try row.decode("content_hash")] = row
            }

            var outcomes: [SaveOutcome] = []
            var written: [(id: Int, draft: Draft)] = []
            var replaced: [String] = []
            var new: [Draft] = []
            for draft in drafts {
                guard let row = stored[draft.contentHash] else {
                    new.append(draft)
                    outcomes.append(.new)
                    continue
                }
                let id: Int = try row.decode("id")
                if !reextract, try draft.fields.matches(row, extractorVersion: extractorVersion) {
                    // Stored by another writer since `touchUnchanged` looked.
                    try db.execute(
                        """
                        UPDATE documents SET last_seen = now(), ingest_key = coalesce(\(draft.ingestKey), ingest_key)
                        WHERE id = \(id)
                        """)
                    outcomes.append(.unchanged)
                    continue
                }
                let fields = draft.fields
                try db.execute(
                    """
                    UPDATE documents SET source = \(fields.source), title = \(fields.title),
                        published_on = \(fields.publishedOn), publisher = \(fields.publisher),
                        publisher_region_code = \(fields.regionCode), publisher_region_name = \(fields.regionName),
                        normalized_text = \(Fields.storable(draft.document.text)),
                        was_traditional = \(fields.wasTraditional), extractor_version = \(extractorVersion),
                        raw_hash = coalesce(raw_hash, \(draft.rawHash)), plan_period = \(fields.planPeriod),
                        last_seen = now(), ingest_key = \(draft.ingestKey)
                    WHERE id = \(id)
                    """)
                replaced.append(String(id))
                written.append((id, draft))
                outcomes.append(.updated)
            }

            // The old mentions' targets (and the old sources' outcomes) must be re-derived too.
            var identities: [TargetIdentity] = []
            var outcomeIdentities: [TargetIdentity] = []
            if !replaced.isEmpty {
                for row in try db.execute(
                    """
                    DELETE FROM outcome_sources WHERE document_id = ANY(\(replaced)::bigint[])
                    RETURNING outcome_region_code, indicator_key, kind, year, unit_family
                    """
                ).rows {
                    outcomeIdentities.append(
                        TargetIdentity(
                            region: try row.decode(0), indicatorKey: try row.decode(1), kind: try row.decode(2),
                            deadlineYear: try row.decode(3), unitFamily: try row.decode(4)))
                }
                for row in try db.execute(
                    """
                    DELETE FROM mentions WHERE document_id = ANY(\(replaced)::bigint[])
                    RETURNING target_region_code, indicator_key, kind, deadline_year, unit_family
                    """
                ).rows {
                    identities.append(
                        TargetIdentity(
                            region: try row.decode(0), indicatorKey: try row.decode(1), kind: try row.decode(2),
                            deadlineYear: try row.decode(3), unitFamily: try row.decode(4)))
                }
            }
            if !new.isEmpty {
                let ids = try db.execute(
                    "SELECT nextval(pg_get_serial_sequence('documents', 'id')) FROM generate_series(1, \(new.count))"
                ).rows.map { try $0.decode(0, as: Int.self) }
                // COPY writes the identity column as given (like OVERRIDING SYSTEM VALUE).
                try db.copy(
                    into: "documents", columns: DocumentStore.documentColumns,
                    rows: zip(ids, new).lazy.map { id, draft in draft.documentRow(id: id, extractorVersion) })
                written += zip(ids, new).map { ($0, $1) }
            }
            try db.copy(
                into: "mentions", columns: DocumentStore.mentionColumns,
                rows: written.lazy.flatMap { id, draft in draft.mentions.lazy.map { [id.sqlText] + $0.values } })
            try db.copy(
                into: "outcome_sources", columns: DocumentStore.outcomeColumns,
                rows: written.lazy.flatMap { id, draft in draft.outcomes.lazy.map { [id.sqlText] + $0.values } })
            identities += written.flatMap { $0.draft.mentions.map(\.identity) }
            identities = Array(Set(identities))  // the function accepts repeats, but they cost bytes and parsing
            outcomeIdentities += written.flatMap { $0.draft.outcomes.map(\.identity) }
            outcomeIdentities = Array(Set(outcomeIdentities))
            // Every pair whose targets or outcomes change, locked at once in one order (the
            // refresh functions then find their locks held), and its verdicts re-derived last.
            let pairs = Array(Set((identities + outcomeIdentities).map { Pair(region: $0.region ?? "", key: $0.indicatorKey) }))
            if !pairs.isEmpty {
                try db.execute(
                    """
                    SELECT pg_advisory_xact_lock(h)
                    FROM (
                        SELECT DISTINCT hashtextextended(r || '|' || k, 7270410502) AS h
                        FROM unnest(\(pairs.map(\.region)), \(pairs.map(\.key))) AS u(r, k)
                        ORDER BY h
                    ) s
                    """)
            }
            if !identities.isEmpty {
                try db.execute(
                    """
                    SELECT ptt_refresh_target_identities(\(identities.map { $0.region ?? "" }),
                        \(identities.map(\.indicatorKey)), \(identities.map(\.kind)),
                        \(SQLValue.integerArray(identities.map(\.deadlineYear))), \(identities.map(\.unitFamily)))
                    """)
            }
            if !outcomeIdentities.isEmpty {
                try db.execute(
                    """
                    SELECT ptt_refresh_outcome_identities(\(outcomeIdentities.map { $0.region ?? "" }),
                        \(outcomeIdentities.map(\.indicatorKey)), \(outcomeIdentities.map(\.kind)),
                        \(SQLValue.integerArray(outcomeIdentities.map(\.deadlineYear))),
                        \(outcomeIdentities.map(\.unitFamily)))
                    """)
            }
            // The targets whose verdict may have changed: those of every (region, indicator, year)
            // a target or an outcome was refreshed for (and the multiples of those pairs).
            let years = Array(
                Set(
                    (identities + outcomeIdentities).compactMap { i -> YearOfPair? in
                        guard let region = i.region, !region.isEmpty, let year = i.deadlineYear else { return nil }
                        return YearOfPair(region: region, key: i.indicatorKey, year: year)
                    }))
            if !years.isEmpty {
                try db.execute(
                    """
                    SELECT ptt_refresh_verdicts(\(years.map(\.region)), \(years.map(\.key)),
                        \(SQLValue.integerArray(years.map(\.year))))
                    """)
            }
            return outcomes
        }
    }

    // MARK: Rows

    /// A document on its way to the database: what `save` computes once per document.
    struct Draft {
        var document: Document
        var rawHash: String?
        var ingestKey: String?
        var contentHash: String
        var fields: Fields
        var mentions: [SourceRow] = []
        var outcomes: [SourceRow] = []

        init(pending: PendingDocument) {
            document = pending.document
            rawHash = pending.rawHash
            ingestKey = pending.ingestKey
            contentHash = DocumentStore.contentHash(of: pending.document)
            fields = Fields(document: pending.document, regionName: pending.regionName)
        }

        /// The document's values in `documentColumns` order.
        func documentRow(id: Int, _ extractorVersion: String) -> [String?] {
            [
                id.sqlText, contentHash, rawHash, fields.source, fields.title, fields.publishedOn?.sqlText,
                fields.publisher, fields.regionCode, fields.regionName, Fields.storable(document.raw),
                Fields.storable(document.text), fields.wasTraditional.sqlText, extractorVersion, fields.planPeriod,
                ingestKey,
            ]
        }
    }

    static let documentColumns = [
        "id", "content_hash", "raw_hash", "source", "title", "published_on", "publisher", "publisher_region_code",
        "publisher_region_name", "raw_text", "normalized_text", "was_traditional", "extractor_version",
        "plan_period", "ingest_key",
    ]

    /// What makes mentions one target (`targets_identity`).
    struct TargetIdentity: Hashable {
        var region: String?
        var indicatorKey: String
        var kind: String
        var deadlineYear: Int?
        var unitFamily: String
    }

    /// A row of a source table (a mention in `mentionColumns` order, an outcome source in
    /// `outcomeColumns` order, after document_id), and what it is a source of: its target, or its
    /// outcome with the year in `deadlineYear`.
    struct SourceRow {
        var values: [String?]
        var identity: TargetIdentity
    }

    static let mentionColumns = [
        "document_id", "region_code", "region_name", "region_level", "indicator", "kind", "multiplier", "value",
        "unit", "qualifier", "firmness", "per_year", "base_year", "deadline_year", "quote", "span_start", "span_end",
        "target_region_code", "indicator_key", "unit_family",
    ]

    /// A (region, indicator) pair: the unit of ingest's locks.
    struct Pair: Hashable {
        var region: String
        var key: String
    }

    /// A (region, indicator) pair and a year: the targets `ptt_refresh_verdicts` judges again.
    struct YearOfPair: Hashable {
        var region: String
        var key: String
        var year: Int
    }

    static let outcomeColumns = [
        "document_id", "region_code", "region_name", "region_level", "indicator", "kind", "multiplier", "value",
        "unit", "qualifier", "per_year", "base_year", "year", "quote", "span_start", "span_end",
        "outcome_region_code", "indicator_key", "unit_family",
    ]

    /// The outcomes as rows, keyed like mentions: the outcome's region, else the publisher's;
    /// indicators not in the vocabulary are appended to `unknown`.
    func outcomeRows(_ outcomes: [Outcome], publisherRegion: String?, unknown: inout [NewIndicator]) -> [SourceRow] {
        outcomes.map { o -> SourceRow in
            let k = keyed(o.indicator, unit: o.unit, region: o.region, publisherRegion: publisherRegion, unknown: &unknown)
            let values: [String?] = [
                o.region?.code, o.region?.name, o.region?.level.rawValue, k.indicator, o.kind.rawValue,
                o.multiplier?.sqlText, o.value?.sqlText, o.unit.map(Fields.storable), o.qualifier.map(Fields.storable),
                o.perYear?.sqlText, o.baseYear?.sqlText, o.year.sqlText, Fields.storable(o.quote),
                o.span.lowerBound.sqlText, o.span.upperBound.sqlText, k.region, k.key, k.family.rawValue,
            ]
            return SourceRow(
                values: values,
                identity: TargetIdentity(
                    region: k.region, indicatorKey: k.key, kind: o.kind.rawValue, deadlineYear: o.year,
                    unitFamily: k.family.rawValue))
        }
    }

    /// What mentions and outcome sources are keyed by: the storable indicator, its key and unit
    /// family, and the region (its own, else the publisher's); an indicator not in the vocabulary
    /// is appended to `unknown`.
    func keyed(
        _ indicator: String, unit: String?, region: Region?, publisherRegion: String?, unknown: inout [NewIndicator]
    ) -> (indicator: String, key: String, family: UnitFamily, region: String?) {
        let stored = Fields.storable(indicator)
        let (key, known) = indicatorKey(for: stored)
        let family = UnitFamily(unit: unit)
        if !known { unknown.append(NewIndicator(key: key, name: stored, family: family)) }
        return (stored, key, family, region?.code ?? publisherRegion)
    }

    /// An indicator found in text but not in the vocabulary.
    struct NewIndicator {
        var key: String
        var name: String
        var family: UnitFamily
    }

    /// The mentions as rows; indicators not in the vocabulary are appended to `unknown`.
    func mentionRows(_ mentions: [Commitment], publisherRegion: String?, unknown: inout [NewIndicator]) -> [SourceRow] {
        mentions.map { m -> SourceRow in
            let k = keyed(m.indicator, unit: m.unit, region: m.region, publisherRegion: publisherRegion, unknown: &unknown)
            let values: [String?] = [
                m.region?.code, m.region?.name, m.region?.level.rawValue, k.indicator, m.kind.rawValue,
                m.multiplier?.sqlText, m.value?.sqlText, m.unit.map(Fields.storable), m.qualifier.map(Fields.storable),
                m.firmness.map(Fields.storable), m.perYear?.sqlText, m.baseYear?.sqlText, m.deadlineYear?.sqlText,
                Fields.storable(m.quote), m.span.lowerBound.sqlText, m.span.upperBound.sqlText,
                k.region, k.key, k.family.rawValue,
            ]
            return SourceRow(
                values: values,
                identity: TargetIdentity(
                    region: k.region, indicatorKey: k.key, kind: m.kind.rawValue, deadlineYear: m.deadlineYear,
                    unitFamily: k.family.rawValue))
        }
    }

    /// `vocabulary.key(for:)`, remembered: the same few thousand indicator texts recur in every
    /// document, and normalizing one (Foundation string replacement, a gazetteer scan) cost a
    /// fifth of ptt's own CPU in an ingest. Bounded, in case texts never repeat.
    func indicatorKey(for indicator: String) -> (key: String, known: Bool) {
        if let cached = indicatorKeys[indicator] { return cached }
        let found = vocabulary.key(for: indicator)
        if indicatorKeys.count >= 100_000 { indicatorKeys.removeAll(keepingCapacity: true) }
        indicatorKeys[indicator] = found
        return found
    }

    /// Adds the indicators of `unknown` not yet in the vocabulary.
    ///
    /// Committed on their own, before the documents' transaction: two stores adding the same
    /// indicator inside their transactions could deadlock, and an indicator without mentions is
    /// harmless (the vocabulary only grows). An indicator written several ways keeps the least
    /// (name, unit family) offered, in the server's order, so the row does not depend on which
    /// document came first.
    func addIndicators(_ unknown: [NewIndicator]) throws {
        guard !unknown.isEmpty else { return }
        try connection.execute(
            """
            INSERT INTO indicators (key, name, unit_family)
            SELECT DISTINCT ON (key) key, name, unit_family
            FROM unnest(\(unknown.map(\.key)), \(unknown.map(\.name)), \(unknown.map(\.family.rawValue)))
                AS u(key, name, unit_family)
            ORDER BY key, name, unit_family
            ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, unit_family = EXCLUDED.unit_family
            WHERE NOT indicators.canonical
                AND (EXCLUDED.name, EXCLUDED.unit_family) < (indicators.name, indicators.unit_family)
            """)
    }
}

/// A document read and prepared, ready for `DocumentStore.save(_:extractorVersion:reextract:)`.
public struct PendingDocument {
    public var document: Document
    /// SHA-256 of the file's bytes.
    public var rawHash: String?
    /// See `DocumentStore.ingestKey(rawHash:hints:)`.
    public var ingestKey: String?
    /// The publisher region a manifest gave, used when the text pipeline could not resolve it.
    public var regionName: String?
    /// The document's mentions and reported results; called only when they are needed.
    public var extract: () throws -> Extraction

    /// A document whose commitments `extract` gives (no outcomes).
    public init(
        document: Document, rawHash: String? = nil, ingestKey: String? = nil, regionName: String? = nil,
        extract: @escaping () throws -> [Commitment]
    ) {
        self.init(
            document: document, rawHash: rawHash, ingestKey: ingestKey, regionName: regionName,
            extractAll: { Extraction(commitments: try extract(), outcomes: []) })
    }

    /// A document whose commitments and outcomes `extractAll` gives.
    public init(
        document: Document, rawHash: String? = nil, ingestKey: String? = nil, regionName: String? = nil,
        extractAll: @escaping () throws -> Extraction
    ) {
        self.document = document
        self.rawHash = rawHash
        self.ingestKey = ingestKey
        self.regionName = regionName
        self.extract = extractAll
    }
}

extension SQLValue {
    /// An `integer[]` parameter; nil elements are NULL.
    static func integerArray(_ values: [Int?]) -> SQLValue {
        SQLValue(text: "{" + values.map { $0.map(String.init) ?? "NULL" }.joined(separator: ",") + "}", oid: 1007)
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

    /// `scalars` as text without NUL characters, like `storable(_: String)`, in one pass.
    static func storable(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 3)
        for s in scalars { UTF8.encode(s == "\0" ? "\u{FFFD}" : s) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
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
