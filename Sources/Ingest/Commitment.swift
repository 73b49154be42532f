/// A quantified or dated commitment found in a document: the record ptt stores and reports.
public struct Commitment: Sendable, Hashable {
    /// What kind of target the commitment sets.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A multiple of the base value: 翻一番 = 2, 翻两番 = 4, 倍增 = 2.
        case multiple
        /// A growth rate: 增长6%, 年均增长7%以上.
        case growth
        /// A level to reach or stay within: 达到65%, 突破1000亿元, 控制在…以内.
        case level
        /// A decrease: 下降13.5%.
        case reduction
        /// A number of things to create or bring in: 培育100家, 新增就业1100万人.
        case count
        /// A dated qualitative goal: 到2035年基本建成…
        case milestone
    }

    public var region: Region?
    /// What is measured, in the shortest faithful form as written (规上工业产值).
    public var indicator: String
    public var kind: Kind
    public var multiplier: Double?
    public var value: Double?
    /// Unit as written (亿元, %, 家, 个百分点).
    public var unit: String?
    /// Qualifiers as written, joined: 左右, 以上, 力争, 确保 …
    public var qualifier: String?
    /// The firmness word that governs the commitment (确保, 力争, 争取 …), if any.
    public var firmness: String?
    /// true for annual rates (年均, 每年), false for cumulative, nil when not a rate.
    public var perYear: Bool?
    public var baseYear: Int?
    public var deadlineYear: Int?
    /// Shortest exact substring of the raw document that states the commitment.
    public var quote: String
    /// Range of `quote` in the raw document, in Unicode scalars.
    public var span: Range<Int>

    public init(
        region: Region?, indicator: String, kind: Kind, multiplier: Double? = nil, value: Double? = nil,
        unit: String? = nil, qualifier: String? = nil, firmness: String? = nil, perYear: Bool? = nil,
        baseYear: Int? = nil, deadlineYear: Int? = nil, quote: String, span: Range<Int>
    ) {
        self.region = region
        self.indicator = indicator
        self.kind = kind
        self.multiplier = multiplier
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.firmness = firmness
        self.perYear = perYear
        self.baseYear = baseYear
        self.deadlineYear = deadlineYear
        self.quote = quote
        self.span = span
    }
}
