import ArgumentParser
import Ingest
import Store

/// Region and indicator filters shared by the report commands.
struct ReportFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A region and everything under it (浙江省 includes 松阳县); a name, short name or code.", valueName: "name"))
    var region: String?

    @Option(help: ArgumentHelp("Deadline year.", valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("Deadlines from this year on.", valueName: "year"))
    var from: Int?

    @Option(help: ArgumentHelp("Deadlines up to this year.", valueName: "year"))
    var to: Int?

    @Option(help: ArgumentHelp("multiple, growth, level, reduction, count or milestone.", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Text in the indicator (研发 finds 研发经费投入), or an indicator key.", valueName: "text"))
    var indicator: String?

    static let kinds = ["multiple", "growth", "level", "reduction", "count", "milestone"]

    func validate() throws {
        if let kind, !Self.kinds.contains(kind) {
            throw ValidationError("--kind \(kind) is not one of \(Self.kinds.joined(separator: ", "))")
        }
        if year != nil, from != nil || to != nil { throw ValidationError("--year cannot be combined with --from/--to") }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    /// The filter, with the region resolved through the gazetteer table.
    func filter(_ connection: Connection) throws -> TargetFilter {
        TargetFilter(
            regionCode: try region.map { try RegionLookup.code(of: $0, connection) }, fromYear: year ?? from,
            toYear: year ?? to, kind: kind, indicatorText: indicator)
    }
}

/// Resolving a region argument to one code, with a clear error when it names none or several.
enum RegionLookup {
    static func code(of name: String, _ connection: Connection) throws -> String {
        let matches = try connection.regions(matching: name, exactOnly: true)
        switch matches.count {
        case 1: return matches[0].code
        case 0: throw ValidationError("no region is named \(name) (try `ptt regions \(name)`)")
        default:
            let list = matches.map { "\($0.code) \($0.path)" }.joined(separator: "; ")
            throw ValidationError("\(name) names \(matches.count) regions: \(list); give the code instead")
        }
    }

}

/// The checks every report command makes of its paging and date options.
enum ReportArguments {
    /// --as-of is a date; --limit is at least 1 and not given with --all.
    static func validate(asOf: String? = nil, limit: Int?, all: Bool) throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of \(asOf) is not a date (YYYY-MM-DD)") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if limit != nil && all { throw ValidationError("give --limit or --all, not both") }
    }
}
