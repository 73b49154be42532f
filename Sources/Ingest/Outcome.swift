/// A reported result found in a document (2025年全省生产总值增长5.4%, 过去五年年均增长6.5%): what
/// became of a target, for the year it is reported for.
public struct Outcome: Sendable, Hashable {
    public var region: Region?
    /// What is measured, in the shortest faithful form as written (规上工业增加值).
    public var indicator: String
    /// `growth`, `reduction`, `level`, `count` or `multiple` (never `milestone`).
    public var kind: Commitment.Kind
    public var multiplier: Double?
    public var value: Double?
    /// Unit as written (亿元, %, 家, 个百分点).
    public var unit: String?
    /// A hedge the text puts on the result (左右 for 约/左右, 以上 for 突破/余).
    public var qualifier: String?
    /// true for annual rates, false for cumulative ones, nil when not a rate.
    public var perYear: Bool?
    /// For a result over a span (过去五年, 十三五时期): the year before its first year.
    public var baseYear: Int?
    /// The year the result is for (the span's last year for a span).
    public var year: Int
    /// Shortest exact substring of the raw document that states the result.
    public var quote: String
    /// Range of `quote` in the raw document, in Unicode scalars.
    public var span: Range<Int>

    public init(
        region: Region?, indicator: String, kind: Commitment.Kind, multiplier: Double? = nil, value: Double? = nil,
        unit: String? = nil, qualifier: String? = nil, perYear: Bool? = nil, baseYear: Int? = nil, year: Int,
        quote: String, span: Range<Int>
    ) {
        self.region = region
        self.indicator = indicator
        self.kind = kind
        self.multiplier = multiplier
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.perYear = perYear
        self.baseYear = baseYear
        self.year = year
        self.quote = quote
        self.span = span
    }
}

/// Everything extraction finds in one document: commitments and reported results.
public struct Extraction: Sendable {
    public var commitments: [Commitment]
    public var outcomes: [Outcome]

    public init(commitments: [Commitment], outcomes: [Outcome]) {
        self.commitments = commitments
        self.outcomes = outcomes
    }
}
