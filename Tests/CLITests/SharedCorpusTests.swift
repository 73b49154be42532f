import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The reports as a new user meets them on the shared corpus (/work/shared/corpus, skipped when
/// it is not mounted; the residue check also reads the project's own corpus/): every rate compared without a filter, a rate chart with a bar for each,
/// and no pinyin residue in any target or indicator column.
@Suite struct SharedCorpusTests {
    static let corpus = "/work/shared/corpus"

    static var mounted: Bool { FileManager.default.fileExists(atPath: corpus + "/seeds.manifest.csv") }

    @Test func compareWithoutAFilterRanksEveryRateAndTheChartDrawsThem() throws {
        guard Self.mounted else { return }
        try PTTBinary.withHome("seeds") { ptt in
            #expect(try ptt.run("ingest", "--manifest", Self.corpus + "/seeds.manifest.csv").status == 0)
            let compare = try ptt.run("compare")
            #expect(compare.status == 0, "\(compare.stderr)")
            let lines = compare.stdout.split(separator: "\n")
            // No indicator is shared on the seeds, and both doubling rates are listed anyway.
            #expect(lines.contains { $0.contains("松阳县") && $0.contains("亩均增加值") && $0.contains("14.9 %/yr") }, "\(compare.stdout)")
            #expect(lines.contains { $0.contains("濮阳市") && $0.contains("制造业增加值") && $0.contains("18.9 %/yr") }, "\(compare.stdout)")
            // Within a family, ranks across regions: 濮阳 制造业投资 above 松阳 工业投资.
            #expect(lines.contains { $0.contains("制造业投资") && $0.contains("1 of 2") })
            #expect(lines.contains { $0.contains("工业投资") && $0.contains("2 of 2") })

            let rated = try ptt.query(
                "SELECT string_agg(id::text, ',' ORDER BY id) FROM compare_families WHERE measure = 'annual rate'")
            let ratedIDs = Set(rated.split(separator: ",").map { Int($0)! })
            #expect(ratedIDs.count >= 2)

            // CSV holds every rated target, each once, in the family listing.
            let csv = try CSVParser.parse(try ptt.run("compare", "--all", "--format", "csv").stdout)
            let header = csv[0]
            let id = try #require(header.firstIndex(of: "target_id"))
            let comparedIn = try #require(header.firstIndex(of: "compared_in"))
            let family = csv.dropFirst().filter { $0[comparedIn] == "family" }.map { Int($0[id])! }
            #expect(family.count == ratedIDs.count)
            #expect(Set(family) == ratedIDs)

            // The HTML rate chart, parsed as SVG: one bar per rated target, as long as its rate.
            let page = ptt.home + "/report.html"
            let report = try ptt.run("report", "--html", page, "--as-of", "2025-06-01")
            #expect(report.status == 0, "\(report.stderr)")
            let html = try String(contentsOfFile: page, encoding: .utf8)
            let start = try #require(html.range(of: "<svg class=\"rates\""))
            let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
            let bars = try SVGBars.parse(String(html[start.lowerBound..<end.upperBound]))
            #expect(Set(bars.map(\.target)) == ratedIDs)
            #expect(bars.allSatisfy { $0.width > 0 })
            let rates = Dictionary(bars.map { ($0.target, $0.rate) }, uniquingKeysWith: { a, _ in a })
            let byWidth = bars.sorted { $0.width < $1.width }.map { rates[$0.target]! }
            #expect(byWidth == byWidth.sorted(), "bars are as long as their rates")
            #expect(bars.contains { abs($0.rate - 0.1487) < 0.001 } && bars.contains { abs($0.rate - 0.1892) < 0.001 })

            // An analyst puts 亩均增加值 in the value-added family: the stored targets follow, and
            // 濮阳's 制造业增加值 (18.9 %/yr) now ranks above 松阳's 亩均增加值 (14.9 %/yr).
            _ = try ptt.query("INSERT INTO indicator_family_members VALUES ('x:亩均增加值', 'industrial_value_added')")
            let regrouped = try ptt.run("compare").stdout.split(separator: "\n")
            #expect(regrouped.contains { $0.contains("制造业增加值") && $0.contains("18.9 %/yr") && $0.contains("1 of 2") })
            #expect(regrouped.contains { $0.contains("亩均增加值") && $0.contains("14.9 %/yr") && $0.contains("2 of 2") })
            _ = try ptt.query("DELETE FROM indicator_family_members WHERE indicator_key = 'x:亩均增加值'")
            #expect(try ptt.query("SELECT indicator_family FROM targets WHERE indicator_key = 'x:亩均增加值'") == "x:亩均增加值")
        }
    }

    @Test func noPinyinResidueInAnyReportsTargetOrIndicatorColumn() throws {
        try PTTBinary.withHome("residue") { ptt in
            // All of the shared corpus, and the project's own (corpus/: news, plans, pairs).
            let own = PTTBinary.sourceRoot + "/corpus"
            let manifests = [Self.corpus, own].flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                    .filter { $0.hasSuffix(".manifest.csv") }.sorted().map { folder + "/" + $0 }
            }
            #expect(manifests.count >= (Self.mounted ? 7 : 4))
            for manifest in manifests {
                let ingest = try ptt.run("ingest", "--manifest", manifest)
                #expect(ingest.status == 0, "\(manifest): \(ingest.stdout) \(ingest.stderr)")
            }
            // The test can fail: the stored quotes (exact, as written) do hold residue.
            let quotes = try ptt.query("SELECT string_agg(quote, E'\\n') FROM mentions")
            #expect(Residue.find(in: quotes) != nil, "the corpus has pinyin residue in its quotes")

            let csvReports: [[String]] = [
                ["deadlines", "--as-of", "2025-06-01", "--format", "csv"], ["targets", "--format", "csv"],
                ["compare", "--all", "--format", "csv"], ["export", "--format", "csv"],
            ]
            for arguments in csvReports {
                let result = try ptt.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                let table = try CSVParser.parse(result.stdout)
                let columns = table[0].enumerated().filter { ["target", "indicator"].contains($0.element) }.map(\.offset)
                #expect(columns.count == 2, "\(arguments): \(table[0])")
                for row in table.dropFirst() {
                    for c in columns {
                        #expect(Residue.find(in: row[c]) == nil, "ptt \(arguments.joined(separator: " ")): \(row[c])")
                    }
                }
            }
            // Table, Markdown and JSON forms print the same cells. Titles are shown as written, so
            // residue may appear in a line only where a document's title holds it.
            let titles = try ptt.query("SELECT string_agg(coalesce(title, '') || ' ' || source, E'\\n') FROM documents")
            for arguments in [
                ["deadlines", "--as-of", "2025-06-01", "--all"], ["deadlines", "--as-of", "2025-06-01", "--format", "json"],
                ["deadlines", "--as-of", "2025-06-01", "--format", "markdown", "--all"], ["compare", "--all"], ["compare"],
                ["targets"],
            ] {
                let result = try ptt.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                for line in result.stdout.split(separator: "\n") {
                    guard let residue = Residue.find(in: String(line)) else { continue }
                    #expect(titles.contains(residue), "ptt \(arguments.joined(separator: " ")): \(line)")
                }
            }
            let page = ptt.home + "/report.html"
            #expect(try ptt.run("report", "--html", page, "--as-of", "2025-06-01").status == 0)
            let html = try String(contentsOfFile: page, encoding: .utf8)
            let chart = try #require(html.range(of: "<svg class=\"rates\"")).lowerBound
            let chartEnd = try #require(html.range(of: "</svg>", range: chart..<html.endIndex)).upperBound
            #expect(Residue.find(in: String(html[chart..<chartEnd])) == nil)
        }
    }

}

/// A pinyin annotation such as `(yè)`: one to six latin letters with a tone mark, in ASCII or
/// full-width parentheses.
enum Residue {
    static let toned = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".unicodeScalars)

    static func find(in text: String) -> String? {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "(" || s[i] == "（" {
                var j = i + 1
                var hasTone = false
                while j < s.count, j - i <= 7, ("a"..."z").contains(s[j]) || toned.contains(s[j]) {
                    if toned.contains(s[j]) { hasTone = true }
                    j += 1
                }
                if hasTone, j < s.count, s[j] == ")" || s[j] == "）" {
                    var out = String.UnicodeScalarView()
                    out.append(contentsOf: s[i...j])
                    return String(out)
                }
            }
            i += 1
        }
        return nil
    }
}

/// The bars of the rate chart: `<rect class="bar" width=… data-rate=… data-target=…>`.
final class SVGBars: NSObject, XMLParserDelegate {
    struct Bar {
        var target: Int
        var rate: Double
        var width: Double
    }

    struct Invalid: Error { var reason: String }

    private var bars: [Bar] = []

    static func parse(_ svg: String) throws -> [Bar] {
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = SVGBars()
        parser.delegate = delegate
        guard parser.parse() else { throw Invalid(reason: parser.parserError.map { "\($0)" } ?? "not XML") }
        return delegate.bars
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard name == "rect", attributes["class"] == "bar" else { return }
        bars.append(
            Bar(
                target: Int(attributes["data-target"] ?? "") ?? -1, rate: Double(attributes["data-rate"] ?? "") ?? .nan,
                width: Double(attributes["width"] ?? "") ?? -1))
    }
}
