import Foundation
import Ingest
import Store
import Testing

/// Documents and mentions written by hand, so the tests do not depend on the extractor.
enum Fixture {
    static let county = Region(
        code: "331124", name: "松阳县", shortName: "松阳", level: .county, parentCode: "331100", provinceCode: "330000")

    static func document(_ text: String, title: String? = "松阳县制造业高质量发展三年行动（2023—2025年）",
        publishedOn: Day? = Day(year: 2023, month: 3, day: 1), source: String = "examples/test.txt"
    ) -> Document {
        let raw = Array(text.unicodeScalars)
        let starts = (0..<raw.count).map { Int32($0) }
        return Document(
            source: source, raw: raw, text: raw, rawStart: starts, rawEnd: starts.map { $0 + 1 },
            facts: DocumentFacts(title: title, publishedOn: publishedOn, publisherRegion: county))
    }

    static func growth(_ indicator: String, _ value: Double, deadline: Int = 2025, at start: Int = 0) -> Commitment {
        Commitment(
            region: county, indicator: indicator, kind: .growth, value: value, unit: "%", qualifier: "以上",
            deadlineYear: deadline, quote: "\(indicator)增长\(value)%以上", span: start..<(start + 10))
    }

    static let mentions = [
        Commitment(
            region: county, indicator: "规上工业产值", kind: .multiple, multiplier: 2, firmness: "力争",
            baseYear: 2022, deadlineYear: 2026, quote: "规上工业产值\t翻一番", span: 3..<13),
        Commitment(
            region: county, indicator: "研发经费投入强度", kind: .level, value: 2.5, unit: "%", qualifier: "以上",
            deadlineYear: 2035, quote: "研发经费\\投入强度\n达到2.5%以上", span: 14..<30),
    ]
}

extension Connection {
    /// `table → (rows, checksum)` from the `content_checksums` view.
    func checksums() throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try execute("SELECT table_name, rows, checksum FROM content_checksums").rows {
            result[try row.decode(0)] = "\(try row.decode(1, as: Int.self)) \(try row.decode(2, as: String.self))"
        }
        return result
    }

    func count(_ table: String) throws -> Int {
        try execute("SELECT count(*) FROM \(identifier: table)").first!.decode(0)
    }
}

extension DatabaseTests {
    @Suite struct DocumentStoreTests {
        @Test func savesOnceThenSkipsThenUpdatesOnNewExtractorVersion() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let doc = Fixture.document("到2026年，规上工业产值翻一番。")
                var extractions = 0
                let save = { (version: String) in
                    try store.save(document: doc, extractorVersion: version) {
                        extractions += 1
                        return Fixture.mentions
                    }
                }
                #expect(try save("1") == .new)
                #expect(try save("1") == .unchanged)
                #expect(extractions == 1)  // unchanged documents are not extracted again
                let before = try db.checksums()
                #expect(try save("2") == .updated)
                #expect(try db.count("mentions") == 2)
                #expect(try db.count("targets") == 2)
                #expect(try db.checksums()["targets"] == before["targets"])
                let quotes = try db.execute("SELECT quote FROM mentions ORDER BY span_start").rows.map {
                    try $0.decode(0, as: String.self)
                }
                #expect(quotes == Fixture.mentions.map(\.quote))
                let keys = try db.execute("SELECT indicator_key FROM mentions ORDER BY span_start").rows.map {
                    try $0.decode(0, as: String.self)
                }
                #expect(keys == ["industrial_output", "rd_intensity"])
                #expect(
                    try db.execute("SELECT plan_period FROM documents").first!.decode(0, as: String.self) == "2023-2025")

                let report = try db.deadlines(asOf: Day(year: 2026, month: 1, day: 1))
                #expect(report.map(\.horizon) == [.dueThisYear, .longTerm])
                #expect(report.first?.regionName == "松阳县")
                #expect(report.first?.multiplier == 2)
                #expect(report.last?.value == 2.5)
                #expect(report.allSatisfy { $0.sources == 1 })
            }
        }

        @Test func oneTargetForTheSameCommitmentInThreeDocuments() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                for (i, name) in ["规上工业增加值", "规模以上工业增加值", "全县“规上工业增加值”"].enumerated() {
                    let doc = Fixture.document("新闻\(i)：到2025年\(name)增长8%以上。", source: "site\(i).html")
                    _ = try store.save(document: doc, extractorVersion: "1") { [Fixture.growth(name, 8)] }
                }
                #expect(try db.count("documents") == 3)
                #expect(try db.count("mentions") == 3)
                #expect(try db.count("targets") == 1)
                let row = try db.execute("SELECT indicator_key, documents, mentions FROM targets").first!
                #expect(try row.decode(0, as: String.self) == "industrial_value_added")
                #expect(try row.decode(1, as: Int.self) == 3)
                #expect(try db.count("target_revisions") == 0)
            }
        }

        @Test func aLaterDocumentWithADifferentNumberRevisesTheTarget() throws {
            let early = Fixture.document("到2025年GDP增长6%以上。", publishedOn: Day(year: 2021, month: 3, day: 1))
            let late = Fixture.document("到2025年地区生产总值增长7%以上。", publishedOn: Day(year: 2023, month: 3, day: 1))
            var states: [[String: String]] = []
            // Either order of ingest ends in the same state: the later publication wins.
            for order in [[early, late], [late, early]] {
                try withFreshDatabase(migrated: true) { db in
                    let store = try DocumentStore(connection: db)
                    for doc in order {
                        let value: Double = doc.facts.publishedOn?.year == 2021 ? 6 : 7
                        let name = value == 6 ? "GDP" : "地区生产总值"
                        _ = try store.save(document: doc, extractorVersion: "1") { [Fixture.growth(name, value)] }
                    }
                    #expect(try db.count("targets") == 1)
                    let target = try db.execute("SELECT value, indicator_key FROM targets").first!
                    #expect(try target.decode(0, as: Double.self) == 7)
                    #expect(try target.decode(1, as: String.self) == "gdp")
                    let revision = try db.execute(
                        """
                        SELECT v.old_value, v.new_value, d.published_on
                        FROM target_revisions v JOIN documents d ON d.id = v.document_id
                        """
                    ).rows
                    #expect(revision.count == 1)
                    #expect(try revision.first?.decode(0, as: Double.self) == 6)
                    #expect(try revision.first?.decode(1, as: Double.self) == 7)
                    #expect(try revision.first?.decode(2, as: Day.self) == Day(year: 2023, month: 3, day: 1))
                    states.append(try db.checksums())
                }
            }
            #expect(states[0] == states[1])
        }

        @Test func unknownIndicatorsGetTheirOwnKey() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let doc = Fixture.document("到2025年金牌茶师增长50%以上。")
                _ = try store.save(document: doc, extractorVersion: "1") { [Fixture.growth("全县“金牌茶师”", 50)] }
                let row = try db.execute(
                    "SELECT i.key, i.canonical FROM mentions m JOIN indicators i ON i.key = m.indicator_key"
                ).first!
                #expect(try row.decode(0, as: String.self) == "x:金牌茶师")
                #expect(try row.decode(1, as: Bool.self) == false)
            }
        }

        @Test func reextractionThatDropsAMentionDropsItsTarget() throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let doc = Fixture.document("到2026年，规上工业产值翻一番。")
                _ = try store.save(document: doc, extractorVersion: "1") { Fixture.mentions }
                #expect(try store.save(document: doc, extractorVersion: "2") { [Fixture.mentions[0]] } == .updated)
                #expect(try db.count("mentions") == 1)
                #expect(try db.count("targets") == 1)
                #expect(try store.save(document: doc, extractorVersion: "2", reextract: true) { [] } == .updated)
                #expect(try db.count("targets") == 0)
                #expect(try db.count("documents") == 1)
            }
        }

        @Test func regionHierarchyIsOneIndexedColumn() throws {
            try withFreshDatabase(migrated: true) { db in
                let row = try db.execute(
                    "SELECT province_code, prefecture_code FROM regions WHERE code = \("331124")"
                ).first!
                #expect(try row.decode(0, as: String.self) == "330000")
                #expect(try row.decode(1, as: String.self) == "331100")
                let inZhejiang: Int = try db.execute(
                    "SELECT count(*) FROM regions WHERE province_code = \("330000")"
                ).first!.decode(0)
                #expect(inZhejiang > 90)
            }
        }

        @Test(arguments: [
            ("quotes", "'; DROP TABLE documents; --"),
            ("backslashes", "C:\\路径\\N \\\\"),
            ("NUL", "标题\0之后"),
            ("double quotes", "\"目标\"); DELETE FROM targets; --"),
        ])
        func hostileValuesAreStoredAsData(label: String, value: String) throws {
            try withFreshDatabase(migrated: true) { db in
                let store = try DocumentStore(connection: db)
                let doc = Fixture.document("到2025年" + value + "增长8%以上。", title: value, source: value)
                _ = try store.save(document: doc, extractorVersion: "1", regionName: value) {
                    [Fixture.growth(value, 8)]
                }
                let expected = value.replacingOccurrences(of: "\0", with: "\u{FFFD}")
                let row = try db.execute("SELECT title, source, publisher_region_name FROM documents").first!
                #expect(try row.decode(0, as: String.self) == expected)
                #expect(try row.decode(1, as: String.self) == expected)
                #expect(try row.decode(2, as: String?.self) == "松阳县")
                #expect(try db.execute("SELECT indicator FROM mentions").first!.decode(0, as: String.self) == expected)
                #expect(try db.count("targets") == 1)
                // The same document again is recognized, however odd its values.
                #expect(try store.save(document: doc, extractorVersion: "1", regionName: value) { [] } == .unchanged)
            }
        }

        @Test func aNULInABoundValueIsRefusedNotTruncated() throws {
            try withFreshDatabase { db in
                let error = #expect(throws: StoreError.self) { try db.execute("SELECT \("前\0后")::text") }
                #expect(error?.sqlState == .clientError)
            }
        }

        @Test func hashesLikeSHA256() {
            #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        }
    }
}
