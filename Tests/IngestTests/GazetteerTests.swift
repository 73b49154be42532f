import Testing

@testable import Ingest

struct GazetteerTests {
    let gazetteer = Gazetteer.shared

    @Test func loadsTheWholeTable() {
        #expect(gazetteer.all.count == 3210)
        #expect(gazetteer.region(code: "331124")?.name == "松阳县")
        #expect(gazetteer.region(code: "000000") == .nation)
    }

    struct Resolve: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var near: String?
        var code: String?
        var testDescription: String { name }
    }

    static let resolutions: [Resolve] = [
        Resolve(name: "short county name", input: "松阳", code: "331124"),
        Resolve(name: "short district name", input: "柯桥", code: "330603"),
        Resolve(name: "parent + child", input: "绍兴市柯桥区", code: "330603"),
        Resolve(name: "autonomous region full name", input: "宁夏回族自治区", code: "640000"),
        Resolve(name: "province short name", input: "浙江", code: "330000"),
        Resolve(name: "ambiguous 鼓楼 near 南京市", input: "鼓楼", near: "320100", code: "320106"),
        Resolve(name: "ambiguous 鼓楼 near a county of 福州", input: "鼓楼", near: "350121", code: "350102"),
        Resolve(name: "吉林 is the province", input: "吉林", code: "220000"),
        Resolve(name: "吉林市 is the prefecture", input: "吉林市", code: "220200"),
        Resolve(name: "濮阳 is the prefecture", input: "濮阳", code: "410900"),
        Resolve(name: "publisher name 松阳新闻网", input: "松阳新闻网", code: "331124"),
        Resolve(name: "publisher name 中国义乌网", input: "中国义乌网", code: "330782"),
        Resolve(name: "most specific of a chain", input: "宁夏石嘴山市平罗县", code: "640221"),
        Resolve(name: "not a region", input: "新浪财经", code: nil),
    ]

    @Test(arguments: resolutions)
    func resolves(_ c: Resolve) {
        let near = c.near.flatMap { gazetteer.region(code: $0) }
        #expect(gazetteer.resolve(c.input, near: near)?.code == c.code)
    }

    @Test func pathRunsFromTheProvince() throws {
        let songyang = try #require(gazetteer.region(code: "331124"))
        #expect(gazetteer.path(of: songyang).map(\.name) == ["浙江省", "丽水市", "松阳县"])
        let dongcheng = try #require(gazetteer.region(code: "110101"))
        #expect(gazetteer.parent(of: dongcheng)?.name == "北京市")
    }

    struct Scan: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var mentions: [String]
        var testDescription: String { name }
    }

    static let scans: [Scan] = [
        Scan(name: "钱塘江 is a river", text: "钱塘江两岸", mentions: []),
        Scan(name: "钱塘区 is a district", text: "钱塘区和杭州", mentions: ["钱塘区", "杭州"]),
        Scan(name: "新华社 is an agency", text: "新华社杭州3月5日电", mentions: ["杭州"]),
        Scan(name: "中山大学 is a university", text: "中山大学与中山市合作", mentions: ["中山市"]),
        Scan(name: "longest match", text: "绍兴市柯桥区召开大会", mentions: ["绍兴市柯桥区"]),
        Scan(name: "several mentions", text: "浙江省和松阳县及濮阳", mentions: ["浙江省", "松阳县", "濮阳"]),
        Scan(name: "province + county is one mention", text: "浙江省松阳县", mentions: ["浙江省松阳县"]),
        Scan(name: "common words are not short names", text: "乡村振兴,新兴产业,加强合作", mentions: []),
        Scan(name: "full name before a stop word", text: "松阳县城", mentions: ["松阳县"]),
    ]

    @Test(arguments: scans)
    func mentions(_ c: Scan) {
        let s = Array(c.text.unicodeScalars)
        let found = gazetteer.mentions(in: s[...]).map { String(String.UnicodeScalarView(s[$0.range])) }
        #expect(found == c.mentions)
    }

    @Test func ambiguousMentionsListEveryCandidate() {
        let s = Array("鼓楼区".unicodeScalars)
        let m = gazetteer.mentions(in: s[...])
        #expect(m.count == 1)
        #expect(m.first?.candidates.count == 4)
    }
}
