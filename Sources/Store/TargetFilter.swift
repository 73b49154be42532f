/// Which targets a report shows. Every field left nil matches everything.
public struct TargetFilter: Sendable, Hashable {
    /// A region code: the region and everything under it (330000 includes 331124 松阳县).
    public var regionCode: String?
    /// Several region codes, each with everything under it.
    public var regionCodes: [String]?
    /// `province`, `prefecture` or `county`.
    public var level: String?
    /// Deadline years, both ends included.
    public var fromYear: Int?
    public var toYear: Int?
    /// `multiple`, `growth`, `level`, `reduction`, `count` or `milestone`.
    public var kind: String?
    /// Text found in the indicator as written or in its vocabulary name (研发 finds 研发经费投入).
    public var indicatorText: String?
    /// An indicator key exactly (`gdp`, `x:…`).
    public var indicatorKey: String?
    /// Text found in any quote of the target's mentions.
    public var quoteText: String?

    public init(
        regionCode: String? = nil, regionCodes: [String]? = nil, level: String? = nil, fromYear: Int? = nil,
        toYear: Int? = nil, kind: String? = nil, indicatorText: String? = nil, indicatorKey: String? = nil,
        quoteText: String? = nil
    ) {
        self.regionCode = regionCode
        self.regionCodes = regionCodes
        self.level = level
        self.fromYear = fromYear
        self.toYear = toYear
        self.kind = kind
        self.indicatorText = indicatorText
        self.indicatorKey = indicatorKey
        self.quoteText = quoteText
    }

    /// The WHERE condition over `target_report` (or a view with its columns) aliased `r`, every
    /// value bound.
    var condition: SQLQuery {
        let codes = regionCodes ?? []
        let pattern = indicatorText.map { "%" + Self.escapedLike($0) + "%" }
        let quote = quoteText.map { "%" + Self.escapedLike($0) + "%" }
        return """
            (\(regionCode)::text IS NULL OR r.region_code = \(regionCode) OR r.province_code = \(regionCode)
                OR r.prefecture_code = \(regionCode))
            AND (NOT \(regionCodes != nil) OR r.region_code = ANY(\(codes)) OR r.province_code = ANY(\(codes))
                OR r.prefecture_code = ANY(\(codes)))
            AND (\(level)::text IS NULL OR r.region_level = \(level))
            AND (\(fromYear)::bigint IS NULL OR r.deadline_year >= \(fromYear))
            AND (\(toYear)::bigint IS NULL OR r.deadline_year <= \(toYear))
            AND (\(kind)::text IS NULL OR r.kind = \(kind))
            AND (\(pattern)::text IS NULL OR r.indicator LIKE \(pattern) OR r.indicator_name LIKE \(pattern)
                OR r.indicator_key = \(indicatorText))
            AND (\(indicatorKey)::text IS NULL OR r.indicator_key = \(indicatorKey))
            AND (\(quote)::text IS NULL OR EXISTS (
                SELECT 1 FROM mentions m
                WHERE coalesce(m.target_region_code, '') = coalesce(r.region_code, '')
                    AND m.indicator_key = r.indicator_key AND m.kind = r.kind
                    AND m.deadline_year IS NOT DISTINCT FROM r.deadline_year AND m.quote LIKE \(quote)))
            """
    }

    static func escapedLike(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
