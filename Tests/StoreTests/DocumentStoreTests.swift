import Ingest
import Store
import Testing

extension DatabaseTests {
    @Suite struct DocumentStoreTests {
        static func document(_ text: String, title: String = "松阳县制造业高质量发展三年行动") -> Document {
            let raw = Array(text.unicodeScalars)
            let starts = (0..<raw.count).map { Int32($0) }
            return Document(
                source: "examples/test.txt", raw: raw, text: raw, rawStart: starts, rawEnd: starts.map { $0 + 1 },
                facts: DocumentFacts(title: title, publishedOn: Day(year: 2023, month: 3, day: 1)))
        }

        static let county = Region(
            code: "331124", name: "松阳县", shortName: "松阳", level: .county, parentCode: "331100", provinceCode: "330000")

        static let mentions = [
            Commitment(
                region: county, indicator: "规上工业产值", kind: .multiple, multiplier: 2, firmness: "力争",
                baseYear: 2022, deadlineYear: 2026, quote: "规上工业产值\t翻一番", span: 3..<13),
            Commitment(
                region: county, indicator: "研发经费投入强度", kind: .level, value: 2.5, unit: "%", qualifier: "以上",
                deadlineYear: 2035, quote: "研发经费\\投入强度\n达到2.5%以上", span: 14..<30),
        ]

        @Test func savesOnceThenSkipsThenUpdatesOnNewExtractorVersion() throws {
            try withFreshDatabase(migrated: true) { db in
                let doc = DocumentStoreTests.document("到2026年，规上工业产值翻一番。")
                let hash = SHA256.hex(Array("bytes".utf8))
                let save = { (version: String) in
                    try db.save(document: doc, contentHash: hash, mentions: DocumentStoreTests.mentions, extractorVersion: version)
                }
                #expect(try save("1") == .new)
                #expect(try save("1") == .unchanged)
                #expect(try save("2") == .updated)
                let quotes = try db.execute("SELECT quote FROM mentions ORDER BY span_start").rows.map {
                    try $0.decode(0, as: String.self)
                }
                #expect(quotes == DocumentStoreTests.mentions.map(\.quote))

                let report = try db.deadlines(asOf: Day(year: 2026, month: 1, day: 1))
                #expect(report.map(\.horizon) == [.dueThisYear, .longTerm])
                #expect(report.first?.regionName == "松阳县")
                #expect(report.first?.multiplier == 2)
                #expect(report.last?.value == 2.5)
                #expect(report.allSatisfy { $0.sources == 1 })
            }
        }

        @Test func hashesLikeSHA256() {
            #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        }
    }
}
