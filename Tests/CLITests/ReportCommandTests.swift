import Foundation
import Testing

/// The report commands on the fixture corpus (Tests/CLITests/Fixtures/reports), as of a pinned
/// date: exact output, views and CLI agreeing, CSV that a CSV parser reads back.
@Suite struct ReportCommandTests {
    static let fixtures = PTTBinary.sourceRoot + "/Tests/CLITests/Fixtures/reports"

    func expected(_ name: String) throws -> String {
        try String(contentsOfFile: Self.fixtures + "/expected/" + name, encoding: .utf8)
    }

    /// One home for all checks: one cluster start and one ingest (in manifest order, so target
    /// ids are fixed).
    @Test func reportsOnTheFixtureCorpus() throws {
        try PTTBinary.withHome("reports") { ptt in
            let ingest = try ptt.run("ingest", "--jobs", "1", "--manifest", Self.fixtures + "/manifest.csv")
            #expect(ingest.stdout == "ingested 6 files: 6 new, 0 unchanged, 0 updated, 0 failed\n", "\(ingest.stderr)")

            // Exact output of each report (not a terminal: no colour).
            let cases: [([String], String)] = [
                (["deadlines", "--as-of", "2025-06-01"], "deadlines.txt"),
                (["deadlines", "--as-of", "2024-06-01", "--region", "浙江省", "--format", "markdown"], "deadlines-zhejiang.md"),
                (["deadlines", "--as-of", "2025-06-01", "--format", "csv"], "deadlines.csv"),
                (["compare"], "compare.txt"),
                (["compare", "--all"], "compare-all.txt"),
                (["deadlines", "--as-of", "2025-06-01", "--limit", "1"], "deadlines-limit-1.txt"),
                // --all streams every row (single-row mode): on a corpus this small, the same report.
                (["deadlines", "--as-of", "2025-06-01", "--all"], "deadlines.txt"),
                (["show", "3"], "show-revised.txt"),
                (["targets", "--region", "松阳县"], "targets-songyang.txt"),
                (["regions", "朝阳区"], "regions-chaoyang.txt"),
            ]
            for (arguments, file) in cases {
                let result = try ptt.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(result.stdout == (try expected(file)), "ptt \(arguments.joined(separator: " "))")
            }

            // --limit keeps the first rows of each table and says how many it left out.
            let limited = try ptt.run("deadlines", "--as-of", "2025-06-01", "--limit", "2")
            #expect(limited.stdout.contains("Due this year (2025) (7)"))
            #expect(limited.stdout.contains("  … 5 more"))
            #expect(limited.stdout.contains("--all for every row"))
            #expect(try ptt.run("deadlines", "--limit", "0").status != 0)
            #expect(try ptt.run("deadlines", "--limit", "2", "--all").status != 0)
            let twoPerIndicator = try ptt.run("compare", "--limit", "2").stdout
            #expect(twoPerIndicator.contains("… more: ptt compare --key industrial_value_added --all"))
            #expect(twoPerIndicator.contains("… more: ptt compare --key gdp --all"))
            #expect(!(try ptt.run("compare", "--limit", "3").stdout.contains("--key gdp --all")))

            // Whole-report JSON is streamed from the server's bytes: the same document, byte for
            // byte, as the one built from each target's summary (the --limit path).
            let streamed = try ptt.run("deadlines", "--as-of", "2025-06-01", "--format", "json")
            let built = try ptt.run("deadlines", "--as-of", "2025-06-01", "--format", "json", "--limit", "1000")
            #expect(streamed.stdout == built.stdout)
            #expect(streamed.stdout.hasPrefix("{\"as_of\":\"2025-06-01\",\"deadlines\":[{\"horizon\":"))
            #expect(try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) is [String: Any])

            // --region includes everything under it; --within counts from the as-of year.
            let songyang = try ptt.run("deadlines", "--as-of", "2024-01-01", "--region", "丽水市", "--within", "1y", "--format", "csv")
            let regions = Set(try CSVParser.parse(songyang.stdout).dropFirst().map { $0[3] })
            #expect(regions == ["浙江省 › 丽水市", "浙江省 › 丽水市 › 松阳县"])
            let ambiguous = try ptt.run("deadlines", "--region", "朝阳区")
            #expect(ambiguous.status == 1)
            #expect(ambiguous.stderr.contains("朝阳区 names 2 regions: 110105 北京市 › 朝阳区; 220104 吉林省 › 长春市 › 朝阳区"))

            // Views and CLI agree: the rates and ranks compare prints are compare_targets' own.
            let json = try ptt.run("compare", "--format", "json").stdout
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
            let cli = rows.filter { $0["compared_in"] as? String == "indicator" }.map { row in
                "\(row["target_id"]!)|\((row["implied_annual_rate"] as? Double).map { String(format: "%.4f", $0) } ?? "")|\(row["rank"] as? Int ?? 0)"
            }.sorted()
            let sql = try ptt.query(
                "SELECT string_agg(concat_ws('|', id, coalesce(to_char(implied_annual_rate, 'FM0.0000'), ''), coalesce(rank, 0)), E'\\n') FROM compare_targets WHERE regions_sharing >= 2")
            #expect(cli == sql.split(separator: "\n").map(String.init).sorted())
            // The family listing's ranks are compare_families' own.
            let familyCLI = rows.filter { $0["compared_in"] as? String == "family" }.map { row in
                "\(row["target_id"]!)|\(row["family"]!)|\(row["family_rank"]!)|\(row["family_peers"]!)"
            }.sorted()
            let familySQL = try ptt.query(
                "SELECT string_agg(concat_ws('|', id, family, family_rank, family_peers), E'\\n') FROM compare_families WHERE measure = 'annual rate'")
            #expect(familyCLI == familySQL.split(separator: "\n").map(String.init).sorted())
            #expect(familyCLI.count == 8)
            let rates = try ptt.query(
                "SELECT string_agg(round(implied_annual_rate::numeric, 3)::text, ',' ORDER BY id) FROM target_report WHERE kind = 'multiple'")
            #expect(rates == "0.149,0.149,0.149,0.189")  // ×2 in 5 years, and in 4 years

            // CSV export round-trips through a CSV parser and matches JSON Lines field by field.
            let csv = try ptt.run("export", "--format", "csv").stdout
            let table = try CSVParser.parse(csv)
            let jsonl = try ptt.run("export", "--format", "jsonl").stdout.split(separator: "\n")
            #expect(table.count == jsonl.count + 1)
            #expect(table[0].prefix(4) == ["target_id", "deadline", "region_code", "region"])
            for (line, record) in zip(jsonl, table.dropFirst()) {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(record.count == table[0].count)
                for (name, cell) in zip(table[0], record) {
                    let value = object[name]
                    let text: String =
                        switch value {
                        case is NSNull, nil: ""
                        case let b as Bool where name == "per_year": b ? "true" : "false"
                        case let n as NSNumber: n.stringValue
                        case let s as String: s
                        default: "?"
                        }
                    #expect(cell == text, "\(name)")
                }
            }

            // The HTML page: both charts, the tables, nothing from the network.
            let page = ptt.home + "/report.html"
            let report = try ptt.run("report", "--html", page, "--as-of", "2025-06-01")
            #expect(report.stdout == "wrote \(page): 12 deadlines, 8 annual rates ranked in 3 families, 10 targets of indicators two regions or more share\n")
            let html = try String(contentsOfFile: page, encoding: .utf8)
            #expect(html.contains("<svg class=\"timeline\""))
            #expect(html.components(separatedBy: "<circle ").count - 1 == 12)
            #expect(html.contains("<svg class=\"rates\""))
            #expect(html.contains("<rect class=\"bar\""))
            #expect(html.contains("<td>基本建成全球先进制造业基地</td>"))
            for external in ["http://", "https://", "<script", "<link", "src="] { #expect(!html.contains(external)) }
        }
    }

    @Test func colourOnlyWhenAskedAndNeverWithNoColor() throws {
        // Not a terminal here: no escape codes even without --no-color.
        var ptt = PTTBinary(home: NSTemporaryDirectory() + "ptt-cli-unused")
        ptt.environment = ["NO_COLOR": "1"]
        let help = try ptt.run("deadlines", "--help")
        #expect(!help.stdout.contains("\u{1B}["))
        // Each command's help ends with a worked example, after its options.
        for command in ["deadlines", "compare", "targets", "show", "regions", "export", "report", "ingest", "extract", "db"] {
            for form in [[command, "--help"], ["help", command], [command, "-h"]] {
                let help = try ptt.run(form)
                #expect(help.status == 0)
                let options = try #require(help.stdout.range(of: "-h, --help"), "\(form)")
                let examples = try #require(help.stdout.range(of: "\nEXAMPLES:\n  $ ptt \(command)"), "\(form) has a worked example")
                #expect(options.upperBound < examples.lowerBound, "\(form): the examples come after the options")
                #expect(!help.stdout[..<options.lowerBound].contains("$ ptt"), "\(form): no example before the options")
            }
        }
    }
}

/// RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF line ends.
enum CSVParser {
    struct Malformed: Error {}

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                guard field.isEmpty else { throw Malformed() }
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw Malformed() }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
