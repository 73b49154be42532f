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
        let m = try Manifest(text: Self.csv, folder: "/corpus")
        #expect(m.hints(for: c.path)?.title == c.title)
    }

    @Test func badDateIsLocated() {
        #expect {
            _ = try Manifest(text: "file,published_on\na.txt,31/08/2021\n")
        } throws: { ($0 as? IngestError)?.line == 2 }
    }

    @Test func loadsTheSharedCorpusManifest() throws {
        let path = "/work/shared/corpus/seeds.manifest.csv"
        guard let m = try? Manifest(contentsOf: path) else { return }  // corpus not mounted
        #expect(m.entries.count == 5)
        #expect(m.hints(for: "/work/shared/corpus/seeds/004_a6dc616c4cd3605f.txt")?.publisherRegion == "绍兴市柯桥区")
    }
}
