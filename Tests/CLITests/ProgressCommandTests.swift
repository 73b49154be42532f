import Foundation
import Testing

/// `ptt progress` on the real pairs of the project's corpus (corpus/pairs-a, pairs-b: report Y
/// with year Y's targets, report Y+1 with year Y's results; SOURCES.md), ingested with their
/// manifests.
@Suite struct ProgressCommandTests {
    /// One verdict the pairs' texts settle: the target (SOURCES.md, *.gold.jsonl) and the result
    /// (*.outcomes.jsonl) of one region, indicator and year.
    struct Expected: CustomTestStringConvertible, Sendable {
        var region: String
        var indicator: String
        var year: Int
        var verdict: String
        var ruleContains: [String]
        var testDescription: String { "\(region) \(indicator) \(year) → \(verdict)" }
    }

    static let expected = [
        // p101: 地區生產總值增長5%左右 (2024); p102: 仍預計全市GDP增長5.2%左右.
        Expected(region: "110000", indicator: "gdp", year: 2024, verdict: "met", ruleContains: ["5.2%左右", "5%左右"]),
        // p101: 一般公共預算收入增長5%; p102: 一般公共預算收入增長3.1%.
        Expected(region: "110000", indicator: "fiscal_revenue", year: 2024, verdict: "missed", ruleContains: ["3.1%", "5%"]),
        // p101: 居民消費價格漲幅3%左右 (a ceiling); p102: 居民消費價格漲幅0.1%.
        Expected(region: "110000", indicator: "cpi", year: 2024, verdict: "met", ruleContains: ["0.1%", "3%左右", "ceiling"]),
        // p101: 城鎮調查失業率控制在5%以內; p102: 城鎮調查失業率4.1%左右.
        Expected(region: "110000", indicator: "surveyed_unemployment", year: 2024, verdict: "met", ruleContains: ["4.1%", "≤5%"]),
        // p103: 地区生产总值增长5.5%左右 (2025); p104: 同比增長4.7%, below the band.
        Expected(region: "610100", indicator: "gdp", year: 2025, verdict: "missed", ruleContains: ["4.7%", "5.5%左右", "band ±0.5pp"]),
        // p105: 地区生产总值增长5.5%左右 (2024); p106: 地区生产总值增长7%.
        Expected(region: "630123", indicator: "gdp", year: 2024, verdict: "met", ruleContains: ["7%", "5.5%左右"]),
        // p201: 社会消费品零售总额增长9% (2022); p202: 增长3.2%.
        Expected(region: "350000", indicator: "retail_sales", year: 2022, verdict: "missed", ruleContains: ["3.2%", "9%"]),
        // p201: 居民消费价格涨幅3%左右; p202: 居民消费价格上涨1.9%左右.
        Expected(region: "350000", indicator: "cpi", year: 2022, verdict: "met", ruleContains: ["1.9%左右", "3%左右"]),
        // p201: 固定资产投资增长6.5%; p202: 固定资产投资增长7.5%.
        Expected(region: "350000", indicator: "fixed_asset_investment", year: 2022, verdict: "met", ruleContains: ["7.5%", "6.5%"]),
    ]

    /// The JSON rows of `ptt progress --format json` by (region, indicator key, year).
    static func rows(_ json: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var out: [String: [String: Any]] = [:]
        for row in try #require(object["rows"] as? [[String: Any]]) {
            out["\(row["region_code"]!) \(row["indicator_key"]!) \(row["deadline_year"]!)"] = row
        }
        return out
    }

    @Test func verdictsOnTheRealPairs() throws {
        try PTTBinary.withHome("progress") { ptt in
            for set in ["pairs-a", "pairs-b"] {
                let ingest = try ptt.run("ingest", "--manifest", "corpus/\(set).manifest.csv")
                #expect(ingest.status == 0, "\(ingest.stderr)")
            }
            let result = try ptt.run("progress", "--as-of", "2026-06-01", "--format", "json")
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try Self.rows(result.stdout)
            for e in Self.expected {
                let row = try #require(rows["\(e.region) \(e.indicator) \(e.year)"], "\(e.testDescription): no row")
                #expect(row["verdict"] as? String == e.verdict, "\(e.testDescription): \(row["rule"] ?? "")")
                let rule = row["rule"] as? String ?? ""
                for text in e.ruleContains { #expect(rule.contains(text), "\(e.testDescription): \(rule) lacks \(text)") }
                // Both numbers and both sources are in the JSON.
                let target = try #require(row["target"] as? [String: Any])
                let outcome = try #require(row["outcome"] as? [String: Any])
                #expect(target["value"] is NSNumber && outcome["value"] is NSNumber)
                #expect((target["source"] as? [String: Any])?["quote"] is String)
                #expect((outcome["source"] as? [String: Any])?["quote"] is String)
            }
            // No verdict across years: every row's result is for the target's deadline year.
            for row in rows.values {
                #expect((row["outcome"] as? [String: Any])?["year"] as? Int == row["deadline_year"] as? Int)
            }

            // Ingesting the same files again adds no outcome (nor anything else).
            let count = { (table: String) throws -> String in try ptt.query("SELECT count(*) FROM \(table)") }
            let before = try ["outcome_sources", "outcomes", "target_verdicts"].map(count)
            for set in ["pairs-a", "pairs-b"] { try ptt.run("ingest", "--manifest", "corpus/\(set).manifest.csv") }
            #expect(try ["outcome_sources", "outcomes", "target_verdicts"].map(count) == before)
            // The stored verdicts are what the view gives.
            let differing = try ptt.query(
                """
                SELECT count(*) FROM target_verdicts v
                WHERE v.verdict <> 'none' AND NOT EXISTS (
                    SELECT 1 FROM target_outcomes x
                    WHERE x.target_id = v.target_id AND x.outcome_id = v.outcome_id AND x.verdict = v.verdict
                        AND x.rule = v.rule)
                """)
            #expect(differing == "0")

            // The scorecard: Beijing 3 met, 1 missed in 2024.
            let card = try ptt.run("progress", "--region", "北京市", "--scorecard", "--format", "csv", "--as-of", "2025-06-01")
            #expect(card.stdout.contains("110000,北京市,3,1,0,0,0"), "\(card.stdout)")
            // The table names both sources.
            let table = try ptt.run("progress", "--region", "湟源县", "--as-of", "2025-06-01", "--no-color")
            #expect(table.stdout.contains("growth 7% ≥ 5.5%左右 → met"), "\(table.stdout)")
            #expect(table.stdout.contains("2025年湟源县政府工作报告"), "\(table.stdout)")
            // The HTML report's scorecard chart: a bar per region with a judged target.
            let page = ptt.home + "/report.html"
            #expect(try ptt.run("report", "--html", page, "--as-of", "2026-06-01").status == 0)
            let html = try String(contentsOfFile: page, encoding: .utf8)
            #expect(html.contains("<svg class=\"scorecard\""))
            #expect(html.contains("<rect class=\"verdict met\"") && html.contains("<rect class=\"verdict missed\""))
            #expect(html.contains("data-region=\"110000\" data-count=\"3\""))
            // ptt show lists a target's results.
            let id = try ptt.query("SELECT id FROM targets WHERE region_code = '630123' AND indicator_key = 'gdp' AND deadline_year = 2024")
            let show = try ptt.run("show", id)
            #expect(show.stdout.contains("outcomes (1)") && show.stdout.contains("→ met"), "\(show.stdout)")
        }
    }
}
