import Ingest

/// What saving a document did.
public enum SaveOutcome: String, Sendable, CaseIterable {
    /// Bytes not seen before: stored with their mentions.
    case new
    /// Same bytes, same extractor version and facts: only `last_seen` was touched.
    case unchanged
    /// Same bytes, but a new extractor version or new facts: the row and its mentions replaced.
    case updated
}

extension Connection {
    /// Stores `document` and its `mentions` in one transaction (mentions via COPY).
    ///
    /// `contentHash` (SHA-256 hex of the file's bytes) identifies the document.
    /// `regionName` is the publisher's region as given by a manifest, used when the text
    /// pipeline could not resolve it to a code.
    public func save(
        document: Document, contentHash: String, mentions: [Commitment], extractorVersion: String,
        regionName: String? = nil
    ) throws -> SaveOutcome {
        let facts = document.facts
        let title = facts.title
        let publishedOn = facts.publishedOn
        let regionCode = facts.publisherRegion?.code
        let regionName = facts.publisherRegion?.name ?? regionName
        return try withTransaction { db in
            let existing = try db.execute(
                """
                SELECT id, extractor_version, title, published_on, publisher_region_code, publisher_region_name
                FROM documents WHERE content_hash = \(contentHash) FOR UPDATE
                """
            ).first
            let raw = String(String.UnicodeScalarView(document.raw))
            let text = String(String.UnicodeScalarView(document.text))
            guard let existing else {
                let id: Int = try db.execute(
                    """
                    INSERT INTO documents (content_hash, source, title, published_on, publisher,
                        publisher_region_code, publisher_region_name, raw_text, normalized_text,
                        was_traditional, extractor_version)
                    VALUES (\(contentHash), \(document.source), \(title), \(publishedOn), \(facts.publisher),
                        \(regionCode), \(regionName), \(raw), \(text), \(facts.wasTraditional), \(extractorVersion))
                    RETURNING id
                    """
                ).first!.decode(0)
                try db.copyMentions(mentions, documentID: id)
                return .new
            }
            let id: Int = try existing.decode("id")
            let same =
                try existing.decode("extractor_version", as: String.self) == extractorVersion
                && existing.decode("title", as: String?.self) == title
                && existing.decode("published_on", as: Day?.self) == publishedOn
                && existing.decode("publisher_region_code", as: String?.self) == regionCode
                && existing.decode("publisher_region_name", as: String?.self) == regionName
            if same {
                try db.execute("UPDATE documents SET last_seen = now() WHERE id = \(id)")
                return .unchanged
            }
            try db.execute(
                """
                UPDATE documents SET source = \(document.source), title = \(title), published_on = \(publishedOn),
                    publisher = \(facts.publisher), publisher_region_code = \(regionCode),
                    publisher_region_name = \(regionName), normalized_text = \(text),
                    was_traditional = \(facts.wasTraditional), extractor_version = \(extractorVersion),
                    last_seen = now()
                WHERE id = \(id)
                """)
            try db.execute("DELETE FROM mentions WHERE document_id = \(id)")
            try db.copyMentions(mentions, documentID: id)
            return .updated
        }
    }

    static let mentionColumns = [
        "document_id", "region_code", "region_name", "region_level", "indicator", "kind", "multiplier", "value",
        "unit", "qualifier", "firmness", "per_year", "base_year", "deadline_year", "quote", "span_start", "span_end",
    ]

    func copyMentions(_ mentions: [Commitment], documentID: Int) throws {
        guard !mentions.isEmpty else { return }
        let rows = mentions.map { m -> [String?] in
            [
                documentID.sqlText, m.region?.code, m.region?.name, m.region?.level.rawValue, m.indicator,
                m.kind.rawValue, m.multiplier?.sqlText, m.value?.sqlText, m.unit, m.qualifier, m.firmness,
                m.perYear?.sqlText, m.baseYear?.sqlText, m.deadlineYear?.sqlText, m.quote,
                m.span.lowerBound.sqlText, m.span.upperBound.sqlText,
            ]
        }
        try copy(into: "mentions", columns: Connection.mentionColumns, rows: rows)
    }
}
