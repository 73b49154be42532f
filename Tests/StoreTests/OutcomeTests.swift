import Foundation
import Ingest
import Store
import Testing

/// One call of `ptt_verdict` (sql/0014_outcomes.sql) on hand-made numbers, and what it must give.
struct VerdictCase: CustomTestStringConvertible, Sendable {
    var name: String
    var target: (kind: String, multiplier: Double?, value: Double?, unit: String?, qualifier: String?, perYear: Bool?, years: Int?)
    var ceilingIndicator = false
    var outcome: (kind: String, value: Double?, unit: String?, qualifier: String?, perYear: Bool?, years: Int?)
    var verdict: String
    /// Text the rule must contain (both numbers, the band …).
    var ruleContains: [String]

    var testDescription: String { name }

    static func rate(_ kind: String, _ value: Double, _ qualifier: String? = nil, years: Int? = 1)
        -> (kind: String, multiplier: Double?, value: Double?, unit: String?, qualifier: String?, perYear: Bool?, years: Int?)
    {
        (kind, nil, value, "%", qualifier, true, years)
    }

    static func level(_ value: Double, _ unit: String, _ qualifier: String? = nil)
        -> (kind: String, multiplier: Double?, value: Double?, unit: String?, qualifier: String?, perYear: Bool?, years: Int?)
    {
        ("level", nil, value, unit, qualifier, nil, 1)
    }

    static func result(_ kind: String, _ value: Double, _ unit: String = "%", _ qualifier: String? = nil, years: Int? = nil)
        -> (kind: String, value: Double?, unit: String?, qualifier: String?, perYear: Bool?, years: Int?)
    {
        (kind, value, unit, qualifier, kind == "growth" || kind == "reduction" ? true : nil, years)
    }

    static let all: [VerdictCase] = [
        VerdictCase(
            name: "growth above a 左右 target is met", target: rate("growth", 5, "左右"),
            outcome: result("growth", 5.4), verdict: "met", ruleContains: ["5.4%", "5%左右", "→ met"]),
        VerdictCase(
            name: "growth within the band below 左右 is met", target: rate("growth", 5, "左右"),
            outcome: result("growth", 4.6), verdict: "met", ruleContains: ["4.6%", "5%左右", "band ±0.5pp"]),
        VerdictCase(
            name: "growth below the band is missed", target: rate("growth", 5, "左右"),
            outcome: result("growth", 4.4), verdict: "missed", ruleContains: ["4.4%", "5%左右", "→ missed"]),
        VerdictCase(
            name: "以上 is a floor without a band", target: rate("growth", 6.5, "以上"),
            outcome: result("growth", 6.4), verdict: "missed", ruleContains: ["6.4%", "≥6.5%"]),
        VerdictCase(
            name: "a bare number is a floor", target: rate("growth", 6.5),
            outcome: result("growth", 6.5), verdict: "met", ruleContains: ["6.5% ≥ 6.5%"]),
        VerdictCase(
            name: "以内 is a ceiling: above it is missed", target: level(5.5, "%", "以内"),
            outcome: result("level", 5.6), verdict: "missed", ruleContains: ["5.6%", "≤5.5%", "ceiling"]),
        VerdictCase(
            name: "以内 is a ceiling: below it is met", target: level(5.5, "%", "以内"),
            outcome: result("level", 5.1, "%", "左右"), verdict: "met", ruleContains: ["5.1%左右", "≤5.5%"]),
        VerdictCase(
            name: "CPI is a ceiling by nature, with the band", target: level(3, "%", "左右"), ceilingIndicator: true,
            outcome: result("level", 3.4), verdict: "met", ruleContains: ["3.4%", "3%左右", "band ±0.5pp"]),
        VerdictCase(
            name: "CPI above the band is missed", target: level(3, "%", "左右"), ceilingIndicator: true,
            outcome: result("level", 3.6), verdict: "missed", ruleContains: ["3.6%", "3%左右"]),
        VerdictCase(
            name: "a 力争 target short by less than the band is partly met", target: rate("growth", 16, "力争|以上"),
            outcome: result("growth", 15.8), verdict: "partly", ruleContains: ["15.8%", "16%", "stretch"]),
        VerdictCase(
            name: "a 力争 target short by more than the band is missed", target: rate("growth", 16, "力争|以上"),
            outcome: result("growth", 14), verdict: "missed", ruleContains: ["14%", "16%"]),
        VerdictCase(
            name: "levels compare across 亿元 and 万亿元", target: level(1000, "亿元", "以上"),
            outcome: result("level", 0.0942, "万亿元"), verdict: "missed", ruleContains: ["0.0942万亿元", "≥1000亿元"]),
        VerdictCase(
            name: "a level within 2 % of a 左右 target is met", target: level(1000, "亿元", "左右"),
            outcome: result("level", 981, "亿元"), verdict: "met", ruleContains: ["981亿元", "1000亿元左右", "±2%"]),
        VerdictCase(
            name: "a level more than 2 % short of a 左右 target is missed", target: level(1000, "亿元", "左右"),
            outcome: result("level", 979, "亿元"), verdict: "missed", ruleContains: ["979亿元"]),
        VerdictCase(
            name: "units differ: unknown", target: level(5, "%"),
            outcome: result("level", 942, "亿元"), verdict: "unknown", ruleContains: ["units differ", "亿元", "%"]),
        VerdictCase(
            name: "kinds differ: unknown", target: rate("growth", 6.5),
            outcome: result("level", 5, "万亿元", "以上"), verdict: "unknown", ruleContains: ["kinds differ", "6.5%", "≥5万亿元"]),
        VerdictCase(
            name: "a multiple needs both values", target: ("multiple", 2, nil, nil, nil, nil, 5),
            outcome: result("level", 210, "亿元"), verdict: "unknown", ruleContains: ["×2", "210亿元", "base-year"]),
        VerdictCase(
            name: "a lower bound under a floor is unknown", target: level(7000, "亿元", "以上"),
            outcome: result("level", 6000, "亿元", "以上"), verdict: "unknown", ruleContains: ["≥6000亿元", "≥7000亿元", "lower bound"]),
        VerdictCase(
            name: "a lower bound over a floor is met", target: level(6000, "亿元", "以上"),
            outcome: result("level", 6000, "亿元", "以上"), verdict: "met", ruleContains: ["≥6000亿元 ≥ ≥6000亿元"]),
        VerdictCase(
            name: "a yearly average over five years vs one year's growth is unknown", target: rate("growth", 7, "以上", years: 5),
            outcome: result("growth", 8), verdict: "unknown", ruleContains: ["spans differ", "8%", "≥7%"]),
        VerdictCase(
            name: "a yearly average over five years vs the same span is judged", target: rate("growth", 7, "以上", years: 5),
            outcome: result("growth", 6.5, years: 5), verdict: "missed", ruleContains: ["6.5%", "≥7%"]),
        VerdictCase(
            name: "a reduction is a floor on the cut", target: ("reduction", nil, 3, "%", nil, true, 1), ceilingIndicator: true,
            outcome: result("reduction", 3.2), verdict: "met", ruleContains: ["reduction 3.2% ≥ 3%"]),
    ]
}

/// A commitment or result of the hand-made documents below.
enum OutcomeFixture {
    static let county = Fixture.county
    static let other = Region(
        code: "331123", name: "遂昌县", shortName: "遂昌", level: .county, parentCode: "331100", provinceCode: "330000")

    static func outcome(
        _ indicator: String, _ kind: Commitment.Kind, _ value: Double, _ unit: String, year: Int, region: Region? = county,
        qualifier: String? = nil, at start: Int = 0
    ) -> Outcome {
        Outcome(
            region: region, indicator: indicator, kind: kind, value: value, unit: unit, qualifier: qualifier,
            perYear: kind == .growth ? true : nil, year: year, quote: "\(indicator)\(value)\(unit)", span: start..<(start + 8))
    }
}

extension DatabaseTests {
    @Suite struct OutcomeTests {
        @Test(arguments: VerdictCase.all) func verdictRule(_ c: VerdictCase) throws {
            try withFreshDatabase(migrated: true) { db in
                let t = c.target
                let o = c.outcome
                let row = try #require(
                    try db.execute(
                        """
                        SELECT verdict, rule FROM ptt_verdict(\(t.kind), \(t.multiplier)::numeric, \(t.value)::numeric,
                            \(t.unit), \(t.unit == "%" ? "percent" : t.unit == nil ? "none" : "money"), \(t.qualifier),
                            \(t.perYear), \(t.years)::integer, \(c.ceilingIndicator), \(o.kind), NULL::numeric,
                            \(o.value)::numeric, \(o.unit), \(o.unit == "%" ? "percent" : o.unit == nil ? "none" : "money"),
                            \(o.qualifier), \(o.perYear), \(o.years)::integer)
                        """
                    ).first)
                let verdict: String = try row.decode(0)
                let rule: String = try row.decode(1)
                #expect(verdict == c.verdict, "\(rule)")
                for text in c.ruleContains { #expect(rule.contains(text), "\(rule) lacks \(text)") }
            }
        }

        /// Saves a document of `commitments` and `outcomes`, published on `day`.
        static func save(
            _ store: DocumentStore, _ text: String, day: Day, commitments: [Commitment] = [], outcomes: [Outcome] = [],
            version: String = "1"
        ) throws -> SaveOutcome {
            try store.save(document: Fixture.document(text, title: text, publishedOn: day), extractorVersion: version) {
                Extraction(commitments: commitments, outcomes: outcomes)
            }
        }

        @Test func targetsAreLinkedOnlyToResultsOfTheirRegionIndicatorAndYear() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let target = Commitment(
                    region: Fixture.county, indicator: "地区生产总值", kind: .growth, value: 5, unit: "%",
                    qualifier: "左右", perYear: true, deadlineYear: 2023, quote: "地区生产总值增长5%左右", span: 0..<11)
                _ = try Self.save(store, "2023年报告", day: Day(year: 2023, month: 1, day: 10), commitments: [target])
                _ = try Self.save(
                    store, "2024年报告", day: Day(year: 2024, month: 1, day: 10),
                    outcomes: [
                        OutcomeFixture.outcome("GDP", .growth, 5.4, "%", year: 2023),
                        OutcomeFixture.outcome("地区生产总值", .growth, 3, "%", year: 2022, at: 20),
                        OutcomeFixture.outcome("地区生产总值", .growth, 1, "%", year: 2023, region: OutcomeFixture.other, at: 40),
                    ])
                let rows = try db.execute(
                    "SELECT o.value::float8, x.verdict, x.rule FROM target_outcomes x JOIN outcomes o ON o.id = x.outcome_id"
                ).rows
                #expect(rows.count == 1)
                #expect(try rows.first?.decode(0, as: Double.self) == 5.4)
                #expect(try rows.first?.decode(1, as: String.self) == "met")
                #expect(try rows.first?.decode(2, as: String.self) == "growth 5.4% ≥ 5%左右 → met")
                let stored = try #require(try db.execute("SELECT verdict, rule FROM target_verdicts").first)
                #expect(try stored.decode(0, as: String.self) == "met")
                let counts = try db.execute(
                    "SELECT region_code, deadline_year, verdict, n FROM verdict_counts WHERE n <> 0").rows
                #expect(counts.count == 1)
                #expect(try counts.first?.decode(3, as: Int.self) == 1)
            }
        }

        @Test func aTargetWithoutAResultOfItsYearHasVerdictNone() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let target = Commitment(
                    region: Fixture.county, indicator: "地区生产总值", kind: .growth, value: 5, unit: "%",
                    deadlineYear: 2023, quote: "地区生产总值增长5%", span: 0..<9)
                _ = try Self.save(
                    store, "报告", day: Day(year: 2023, month: 1, day: 10), commitments: [target],
                    outcomes: [OutcomeFixture.outcome("地区生产总值", .growth, 6, "%", year: 2022, at: 20)])
                #expect(try db.count("target_outcomes") == 0)
                #expect(try db.execute("SELECT verdict FROM target_verdicts").first?.decode(0, as: String.self) == "none")
            }
        }

        @Test func aMultipleIsJudgedWhenBothLevelsAreStored() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let target = Commitment(
                    region: Fixture.county, indicator: "地区生产总值", kind: .multiple, multiplier: 2, baseYear: 2020,
                    deadlineYear: 2025, quote: "地区生产总值翻一番", span: 0..<9)
                _ = try Self.save(store, "规划", day: Day(year: 2021, month: 3, day: 1), commitments: [target])
                _ = try Self.save(
                    store, "评估", day: Day(year: 2026, month: 1, day: 10),
                    outcomes: [
                        OutcomeFixture.outcome("地区生产总值", .level, 100, "亿元", year: 2020),
                        OutcomeFixture.outcome("地区生产总值", .level, 210, "亿元", year: 2025, at: 20),
                    ])
                let row = try #require(try db.execute("SELECT verdict, rule FROM target_outcomes").first)
                #expect(try row.decode(0, as: String.self) == "met")
                let rule: String = try row.decode(1)
                #expect(rule.contains("×2.1") && rule.contains("100亿元"), "\(rule)")
            }
        }

        @Test func aMultipleIsJudgedAgainWhenItsBaseYearLevelComesLater() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let target = Commitment(
                    region: Fixture.county, indicator: "地区生产总值", kind: .multiple, multiplier: 2, baseYear: 2020,
                    deadlineYear: 2025, quote: "地区生产总值翻一番", span: 0..<9)
                _ = try Self.save(store, "规划", day: Day(year: 2021, month: 3, day: 1), commitments: [target])
                _ = try Self.save(
                    store, "评估", day: Day(year: 2026, month: 1, day: 10),
                    outcomes: [OutcomeFixture.outcome("地区生产总值", .level, 190, "亿元", year: 2025)])
                #expect(try db.execute("SELECT verdict FROM target_verdicts").first?.decode(0, as: String.self) == "unknown")
                // The 2020 level, reported by another document: the multiple is judged now.
                _ = try Self.save(
                    store, "2021年报告", day: Day(year: 2021, month: 1, day: 10),
                    outcomes: [OutcomeFixture.outcome("地区生产总值", .level, 100, "亿元", year: 2020)])
                let row = try #require(try db.execute("SELECT verdict, rule FROM target_verdicts").first)
                #expect(try row.decode(0, as: String.self) == "missed")
                #expect(try row.decode(1, as: String.self).contains("×1.9 < ×2"))
            }
        }

        @Test func verdictsDoNotDependOnTheOrderDocumentsCameIn() throws {
            let target = Commitment(
                region: Fixture.county, indicator: "一般公共预算收入", kind: .growth, value: 6, unit: "%", qualifier: "以上",
                perYear: true, deadlineYear: 2023, quote: "一般公共预算收入增长6%以上", span: 0..<14)
            let documents: [(String, Day, [Commitment], [Outcome])] = [
                ("2023年报告", Day(year: 2023, month: 1, day: 10), [target], []),
                ("2024年报告", Day(year: 2024, month: 1, day: 10), [],
                 [OutcomeFixture.outcome("一般公共预算收入", .growth, 5.8, "%", year: 2023)]),
            ]
            var sums: [[String: String]] = []
            for order in [documents, documents.reversed()] {
                sums.append(
                    try withFreshDatabase(migrated: true) { db in
                        let store = try DocumentStore(connection: db)
                        for (text, day, commitments, outcomes) in order {
                            _ = try Self.save(store, text, day: day, commitments: commitments, outcomes: outcomes)
                        }
                        #expect(try db.execute("SELECT verdict FROM target_verdicts").first?.decode(0, as: String.self) == "missed")
                        return try db.checksums().filter { $0.key.hasPrefix("target_verdicts") || $0.key.hasPrefix("outcome") }
                    })
            }
            #expect(sums[0] == sums[1])
        }

        @Test func reingestingAddsNoOutcomesAndANewVersionReplacesThem() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let outcomes = [
                    OutcomeFixture.outcome("地区生产总值", .growth, 5.4, "%", year: 2023),
                    OutcomeFixture.outcome("一般公共预算收入", .growth, 3.1, "%", year: 2023, at: 20),
                ]
                let day = Day(year: 2024, month: 1, day: 10)
                #expect(try Self.save(store, "2024年报告", day: day, outcomes: outcomes) == .new)
                let before = try db.checksums()
                #expect(try Self.save(store, "2024年报告", day: day, outcomes: outcomes) == .unchanged)
                #expect(try db.checksums() == before)
                #expect(try db.count("outcome_sources") == 2)
                #expect(
                    try Self.save(store, "2024年报告", day: day, outcomes: Array(outcomes.prefix(1)), version: "2")
                        == .updated)
                #expect(try db.count("outcome_sources") == 1)
                #expect(try db.count("outcomes") == 1)
            }
        }

        @Test func aLaterReportRevisingAResultIsARevision() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                _ = try Self.save(
                    store, "一月报告", day: Day(year: 2024, month: 1, day: 10),
                    outcomes: [OutcomeFixture.outcome("地区生产总值", .growth, 5.2, "%", year: 2023)])
                _ = try Self.save(
                    store, "公报", day: Day(year: 2024, month: 3, day: 10),
                    outcomes: [OutcomeFixture.outcome("地区生产总值", .growth, 5.4, "%", year: 2023)])
                #expect(try db.count("outcomes") == 1)
                let o = try #require(try db.execute("SELECT value::float8, documents, sources FROM outcomes").first)
                #expect(try o.decode(0, as: Double.self) == 5.4)
                #expect(try o.decode(1, as: Int.self) == 2)
                let v = try #require(try db.execute("SELECT old_value::float8, new_value::float8 FROM outcome_revisions").first)
                #expect(try v.decode(0, as: Double.self) == 5.2)
                #expect(try v.decode(1, as: Double.self) == 5.4)
            }
        }
    }
}
