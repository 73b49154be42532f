import Ingest

/// One target in a cross-region comparison: a row of the `compare_targets` view.
public struct ComparisonRow: Sendable, Hashable {
    public var target: TargetSummary
    /// What is compared: `annual rate`, `level in 元` …; nil when the target cannot be compared.
    public var measure: String?
    /// Level in the measure's base unit (3万亿元 → 3e12), for levels.
    public var levelInBaseUnit: Double?
    /// 1 for the highest rate (or level) of its indicator and measure; nil when it has no peer.
    public var rank: Int?
    /// How many regions target the indicator.
    public var regionsSharing: Int
    /// Why the target is not compared, or what was assumed (the base year); empty when nothing.
    public var note: String
    /// For a row of the family listing (`Connection.familyRates`), its rank in its family; nil
    /// for a row ranked within its indicator.
    public var family: FamilyRank? = nil

    /// A target of the family listing: its annual rate ranked within its family.
    public init(target: TargetSummary, family: FamilyRank) {
        self.target = target
        self.measure = "annual rate"
        self.rank = nil  // its rank within the indicator is not computed: see `family`
        self.regionsSharing = family.regions
        self.note = ""
        self.family = family
    }

    init(
        target: TargetSummary, measure: String?, levelInBaseUnit: Double?, rank: Int?, regionsSharing: Int, note: String
    ) {
        self.target = target
        self.measure = measure
        self.levelInBaseUnit = levelInBaseUnit
        self.rank = rank
        self.regionsSharing = regionsSharing
        self.note = note
    }
}

/// A region found by name, short name or code: a row of the `region_paths` view.
public struct RegionMatch: Sendable, Hashable {
    public var code: String
    public var name: String
    public var level: String
    /// 浙江省 › 丽水市 › 松阳县.
    public var path: String
    /// How many targets are stored for it and the regions under it.
    public var targets: Int
}

/// One mention of a target: the quote, its document and date.
public struct TargetMention: Sendable, Hashable {
    public var documentID: Int
    public var title: String?
    public var source: String
    public var publishedOn: Day?
    public var quote: String
    public var multiplier: Double?
    public var value: Double?
    public var unit: String?
}

/// A document that changed a target's number.
public struct TargetRevision: Sendable, Hashable {
    public var documentID: Int
    public var title: String?
    public var publishedOn: Day?
    /// The number before and after, in words (2.8万亿元 → 3万亿元).
    public var old: String
    public var new: String
}
