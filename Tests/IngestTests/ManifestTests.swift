import Foundation
import Testing

@testable import Ingest

struct ManifestTests {
    static let csv = """
        \u{FEFF}file,published_on,publisher_region,title
        seeds/000_a.txt,2021-08-31,嵊州市,全省新一轮制造业“腾笼换鸟、凤凰涅槃”攻坚行动推进大会召开
        seeds/003_b.txt,,濮阳市,制造业倍增行动
        dev/006_c.txt,2021,,"報告也謀劃了“十四五”發(fā)展藍圖,快一起來看看~"
        dev/007_d.txt,2022-08-03,宁夏回族自治区,"他说""好"",然后"

        """

    @Test func parsesRows() throws {
        let m = try Manifest(text: Self.csv, folder: "/corpus")
        #expect(m.entries.count == 4)
        #expect(m.entries[0].path == "/corpus/seeds/000_a.txt")
        #expect(m.entries[0].hints.publishedOn == Day(year: 2021, month: 8, day: 31))
        #expect(m.entries[0].hints.publisherRegion == "嵊州市")
        #expect(m.entries[1].hints.publishedOn == nil)
        #expect(m.entries[1].hints.title == "制造业倍增行动")
        #expect(m.entries[2].hints.year == 2021)
        #expect(m.entries[2].hints.publisherRegion == nil)
        #expect(m.entries[2].hints.title == "報告也謀劃了“十四五”發(fā)展藍圖,快一起來看看~")
        #expect(m.entries[3].hints.title == "他说\"好\",然后")
    }

    struct Lookup: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var title: String?
        var testDescription: String { name }
    }

    static let lookups: [Lookup] = [
        Lookup(name: "resolved path", path: "/corpus/seeds/003_b.txt", title: "制造业倍增行动"),
        Lookup(name: "path with dot segments", path: "/corpus/dev/../seeds/./003_b.txt", title: "制造业倍增行动"),
        Lookup(name: "file name only", path: "elsewhere/003_b.txt", title: "制造业倍增行动"),
        Lookup(name: "unknown file", path: "/corpus/seeds/999.txt", title: nil),
    ]

    @Test(arguments: lookups)
    func findsHints(_ c: Lookup) throws {
        let index = try ManifestIndex(text: Self.csv, folder: "/corpus")
        #expect(index[c.path].title == c.title)
    }

    @Test func badDateIsLocated() {
        #expect {
            _ = try Manifest(text: "file,published_on\na.txt,31/08/2021\n")
        } throws: { ($0 as? IngestError)?.line == 2 }
    }

    /// A manifest that breaks RFC 4180, and where and why it is refused.
    struct Malformed: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var line: Int
        var column: Int?
        var message: String
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(
            name: "a quote never closed (the rows after it would be read as one field)",
            text: "file,published_on\na.txt,2020-01-01\n\"unbalanced.txt,2020-01-01\nb.txt,2021-01-01\n",
            line: 3, column: 1, message: "the quote opened here is never closed"),
        Malformed(
            name: "a quote never closed, in the last field",
            text: "file,title\n\"a.txt\",\"规划\n", line: 2, column: 9, message: "the quote opened here is never closed"),
        Malformed(
            name: "text after a closing quote", text: "file,title\n\"a.txt\"x,t\n", line: 2, column: 8,
            message: "text after a closing quote"),
        Malformed(
            name: "a quote inside an unquoted field", text: "file,title\na.txt,他说\"好\"\n", line: 2, column: 9,
            message: "a quote inside a field that does not start with one"),
        Malformed(
            name: "more fields than the header", text: "file,published_on\na.txt,2020-01-01,松阳县\n", line: 2,
            message: "the row has 3 fields, the header 2"),
        Malformed(
            name: "fewer fields than the header", text: "file,published_on,title\na.txt,2020-01-01,x\nb.txt\n", line: 3,
            message: "the row has 1 field, the header 3"),
        Malformed(
            name: "an unclosed quote in the header", text: "\"file,title\na.txt,x\n", line: 1, column: 1,
            message: "the quote opened here is never closed"),
    ]

    @Test(arguments: malformed)
    func malformedManifestIsRefusedWithItsLine(_ c: Malformed) {
        #expect {
            _ = try Manifest(text: c.text, source: "m.csv")
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            return error.file == "m.csv" && error.line == c.line && error.column == c.column
                && error.message.hasPrefix(c.message)
        }
        // The index the ingest builds refuses it too, before anything is read.
        #expect(throws: IngestError.self) { _ = try ManifestIndex(text: c.text) }
    }

    @Test func aQuotedFieldOverSeveralLinesIsNotAnError() throws {
        let m = try Manifest(text: "file,title\na.txt,\"第一行\n第二行\"\nb.txt,\"\"\"引号\"\"\"\n")
        #expect(m.entries.map(\.hints.title) == ["第一行\n第二行", "\"引号\""])
    }

    @Test func loadsTheSharedCorpusManifest() throws {
        let path = "/work/shared/corpus/seeds.manifest.csv"
        guard let m = try? Manifest(contentsOf: path) else { return }  // corpus not mounted
        #expect(m.entries.count == 5)
        let index = try ManifestIndex(contentsOf: path)
        #expect(index["/work/shared/corpus/seeds/004_a6dc616c4cd3605f.txt"].publisherRegion == "绍兴市柯桥区")
    }
}

/// A manifest read as a stream, and looked up through the index the ingest uses.
struct ManifestStreamTests {
    static func write(_ text: String) throws -> (folder: String, manifest: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptt-manifest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let manifest = folder + "/manifest.csv"
        try text.write(toFile: manifest, atomically: true, encoding: .utf8)
        return (folder, manifest)
    }

    @Test func readsTheSameRowsAsAWholeManifestWithAChunkBoundaryInsideAQuotedField() throws {
        // Rows long enough that 64 KB reads end inside quoted titles with line breaks in them.
        var text = "\u{FEFF}file,published_on,publisher_region,title\r\n"
        for i in 0..<3000 {
            text += "d\(i % 7)/\(i).txt,2023-0\(1 + i % 9)-1\(i % 10),杭州市,\"关于印发\"\"十四五\"\"规划的通知\n第\(i)号,其二\"\r\n"
        }
        let (folder, path) = try Self.write(text)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var reader = try ManifestReader(contentsOf: path)
        let streamed = try reader.all()
        #expect(streamed == (try Manifest(text: text, folder: folder)).entries)
        #expect(streamed.count == 3000)
        #expect(streamed[2999].hints.title == "关于印发\"十四五\"规划的通知\n第2999号,其二")
        #expect(streamed[2999].path == folder + "/d3/2999.txt")
    }

    @Test func aBadRowIsLocatedByItsPhysicalLine() throws {
        let text = "file,published_on,title\na.txt,2021-01-02,\"two\nlines\"\nb.txt,31/08/2021,x\n"
        var reader = try ManifestReader(bytes: Array(text.utf8))
        #expect(try reader.next()?.file == "a.txt")
        #expect { _ = try reader.next() } throws: { ($0 as? IngestError)?.line == 4 }
    }

    @Test func notUTF8IsRefused() {
        #expect {
            var reader = try ManifestReader(bytes: Array("file,title\na.txt,".utf8) + [0xB9, 0xE3, 0x0A])
            _ = try reader.all()
        } throws: { ($0 as? IngestError)?.message == "the manifest is not UTF-8" }
    }

    @Test func theIndexFindsRowsByPathThenByNameAndTheFirstRowWins() throws {
        let (folder, path) = try Self.write(
            """
            file,published_on,publisher_region,title
            seeds/a.txt,2021-08-31,嵊州市,第一
            other/a.txt,2022-01-01,,第二
            seeds/a.txt,2023-01-01,,重复的行
            dev/b.txt,2021,,"标题,有逗号"

            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let index = try ManifestIndex(contentsOf: path)
        #expect(index[folder + "/seeds/a.txt"].title == "第一")
        #expect(index[folder + "/other/./a.txt"].title == "第二")
        #expect(index["/elsewhere/a.txt"].title == "第一")
        #expect(index[folder + "/dev/b.txt"].title == "标题,有逗号")
        #expect(index[folder + "/dev/b.txt"].year == 2021)
        #expect(index[folder + "/dev/c.txt"] == DocumentHints())
    }
}
