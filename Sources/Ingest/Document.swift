/// Facts about a document as a whole: what it is, when and by whom it was published.
public struct DocumentFacts: Sendable, Hashable {
    public var title: String?
    public var publishedOn: Day?
    /// The publishing site or outlet as named in the text (松阳新闻网, 柯桥传媒集团).
    public var publisher: String?
    /// The region the publisher belongs to (松阳新闻网 → 松阳县).
    public var publisherRegion: Region?
    /// True when the raw text was detected as traditional characters and converted.
    public var wasTraditional: Bool

    public init(
        title: String? = nil, publishedOn: Day? = nil, publisher: String? = nil,
        publisherRegion: Region? = nil, wasTraditional: Bool = false
    ) {
        self.title = title
        self.publishedOn = publishedOn
        self.publisher = publisher
        self.publisherRegion = publisherRegion
        self.wasTraditional = wasTraditional
    }
}

/// What a caller knows about a file before reading it (a manifest row or command-line flags).
/// Every field given here overrides what the text says.
public struct DocumentHints: Sendable, Hashable {
    public var title: String?
    public var publishedOn: Day?
    /// Year of publication when only the year is known.
    public var year: Int?
    /// Name of the publisher's region as given (嵊州市, 绍兴市柯桥区, 宁夏回族自治区).
    public var publisherRegion: String?

    public init(title: String? = nil, publishedOn: Day? = nil, year: Int? = nil, publisherRegion: String? = nil) {
        self.title = title
        self.publishedOn = publishedOn
        self.year = year
        self.publisherRegion = publisherRegion
    }
}

/// A decoded, cleaned and normalized policy text, with a map back to the raw text.
///
/// `text` is the article body only (navigation, footers and lists dropped), in simplified
/// characters with pinyin annotations removed and full-width forms folded. For every scalar
/// `text[i]`, `rawStart[i] ..< rawEnd[i]` is the range of scalars in `raw` it came from, so a
/// quote taken from `text` can be reported as an exact substring of the raw document.
public struct Document: Sendable {
    /// The file path, URL or `-` the document was read from.
    public var source: String
    /// The decoded text exactly as it was in the file (HTML included).
    public var raw: [Unicode.Scalar]
    /// The normalized article body; line breaks kept as "\n".
    public var text: [Unicode.Scalar]
    public var rawStart: [Int32]
    public var rawEnd: [Int32]
    public var facts: DocumentFacts

    public init(
        source: String, raw: [Unicode.Scalar], text: [Unicode.Scalar], rawStart: [Int32], rawEnd: [Int32],
        facts: DocumentFacts
    ) {
        precondition(text.count == rawStart.count && text.count == rawEnd.count, "offset map must match text")
        self.source = source
        self.raw = raw
        self.text = text
        self.rawStart = rawStart
        self.rawEnd = rawEnd
        self.facts = facts
    }

    /// The raw scalar range that the normalized range `range` came from.
    public func rawSpan(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < rawStart.count ? Int(rawStart[range.lowerBound]) : raw.count
            return at..<at
        }
        return Int(rawStart[range.lowerBound])..<Int(rawEnd[range.upperBound - 1])
    }

    /// The exact raw substring behind the normalized range `range`.
    public func rawQuote(of range: Range<Int>) -> String {
        String(scalars: raw[rawSpan(of: range)])
    }

    /// The normalized text of `range` as a String.
    public func string(_ range: Range<Int>) -> String {
        String(scalars: text[range])
    }
}
