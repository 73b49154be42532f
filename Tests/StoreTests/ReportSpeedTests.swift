import Foundation
import Ingest
import Store
import Testing

extension Connection {
    /// Rows of `target_pairs` that differ from the pairs counted afresh from `targets`, either way.
    func targetPairsDrift() throws -> Int {
        try execute(
            """
            SELECT count(*) FROM (
                (SELECT indicator_key, region_code, targets FROM target_pairs
                 EXCEPT ALL
                 SELECT indicator_key, region_code, count(*)::int FROM targets WHERE region_code IS NOT NULL
                 GROUP BY indicator_key, region_code)
                UNION ALL
                (SELECT indicator_key, region_code, count(*)::int FROM targets WHERE region_code IS NOT NULL
                 GROUP BY indicator_key, region_code
                 EXCEPT ALL
                 SELECT indicator_key, region_code, targets FROM target_pairs)
            ) d
            """
        ).first!.decode(0)
    }
}

extension DatabaseTests {
    /// What 0011 stores for the reports stays equal to what it summarizes through ingest,
    /// re-extraction and dropped mentions.
    @Suite struct ReportSpeedTests {
        @Test func targetPairsFollowTargetsThroughReextraction() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let first = Fixture.document("到2026年，规上工业产值翻一番。")
                let second = Fixture.document("研发经费投入强度达到2.5%以上。", source: "examples/second.txt")
                _ = try store.save(document: first, extractorVersion: "1") { Fixture.mentions }
                _ = try store.save(document: second, extractorVersion: "1") { [Fixture.mentions[1]] }
                #expect(try db.count("target_pairs") == 2)
                #expect(try db.targetPairsDrift() == 0)

                // Re-extraction drops one of the first document's mentions: the other document still states it.
                _ = try store.save(document: first, extractorVersion: "2") { [Fixture.mentions[0]] }
                #expect(try db.targetPairsDrift() == 0)
                #expect(try db.count("target_pairs") == 2)

                // And then every mention: only the second document's target is left.
                _ = try store.save(document: first, extractorVersion: "2", reextract: true) { [] }
                #expect(try db.targetPairsDrift() == 0)
                #expect(try db.count("target_pairs") == 1)

                _ = try store.save(document: second, extractorVersion: "3") { [] }
                #expect(try db.count("targets") == 0)
                #expect(try db.count("target_pairs") == 0)
            }
        }

        @Test func storedRateFollowsTheTargetAndItsFirstDocument() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let doc = Fixture.document("到2026年，规上工业产值翻一番。")
                _ = try store.save(document: doc, extractorVersion: "1") { [Fixture.mentions[0]] }
                let stored = {
                    try db.execute("SELECT implied_annual_rate, measure, measure_value FROM targets").first!
                }
                // ×2 from the stated base year 2022 to 2026: four years.
                let rate = pow(2, 1.0 / 4) - 1
                #expect(abs(try stored().decode(0, as: Double.self) - rate) < 1e-12)
                #expect(try stored().decode(1, as: String.self) == "annual rate")
                #expect(abs(try stored().decode(2, as: Double.self) - rate) < 1e-12)

                // Re-extracted without a base year: the first document gives 2022 (its plan period 2023—2025).
                var restated = Fixture.mentions[0]
                restated.baseYear = nil
                _ = try store.save(document: doc, extractorVersion: "2") { [restated] }
                #expect(abs(try stored().decode(0, as: Double.self) - (pow(2, 1.0 / 4) - 1)) < 1e-12)

                restated.multiplier = 3
                _ = try store.save(document: doc, extractorVersion: "3") { [restated] }
                #expect(abs(try stored().decode(0, as: Double.self) - (pow(3, 1.0 / 4) - 1)) < 1e-12)
                // The view reads the stored rate; compare_targets ranks by it.
                let view: Double = try db.execute("SELECT implied_annual_rate FROM target_report").first!.decode(0)
                #expect(abs(view - (pow(3, 1.0 / 4) - 1)) < 1e-12)
            }
        }
    }
}
