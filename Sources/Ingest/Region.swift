/// One administrative division from the gazetteer (GB/T 2260 code, names, level, parent).
public struct Region: Hashable, Sendable, CustomStringConvertible {
    /// Administrative level, ordered from the top.
    public enum Level: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
        case national, province, prefecture, county

        var rank: Int {
            switch self {
            case .national: 0
            case .province: 1
            case .prefecture: 2
            case .county: 3
            }
        }

        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// Six-digit code, e.g. "331124" for 松阳县; "000000" for the national level.
    public var code: String
    /// Full official name: 浙江省, 濮阳市, 松阳县.
    public var name: String
    /// Short name used in running text: 浙江, 濮阳, 松阳.
    public var shortName: String
    public var level: Level
    /// Code of the parent division; nil for provinces and the nation.
    public var parentCode: String?
    /// Code of the province this division belongs to (itself for a province).
    public var provinceCode: String?

    public init(
        code: String, name: String, shortName: String, level: Level,
        parentCode: String?, provinceCode: String?
    ) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.level = level
        self.parentCode = parentCode
        self.provinceCode = provinceCode
    }

    /// The nation as a region, for commitments of the central government (国务院, 全国, 我国).
    public static let nation = Region(
        code: "000000", name: "中国", shortName: "中国", level: .national,
        parentCode: nil, provinceCode: nil)

    public var description: String { "\(name)(\(code))" }
}
