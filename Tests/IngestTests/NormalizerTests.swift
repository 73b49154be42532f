import Testing

@testable import Ingest

struct NormalizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var raw: String
        var text: String
        var testDescription: String { name }
    }

    static let folding: [Case] = [
        Case(name: "full-width digits and letters", raw: "增长１２．５％，ＧＤＰ", text: "增长12.5%,GDP"),
        Case(name: "full-width punctuation", raw: "目标（草案）：达到；", text: "目标(草案):达到;"),
        Case(name: "Chinese punctuation kept", raw: "一、二。“三”《四》", text: "一、二。“三”《四》"),
        Case(name: "ideographic space and runs of spaces", raw: "　　正文  开始\t 了　", text: "正文 开始 了"),
        Case(name: "blank lines dropped, breaks kept", raw: "甲\r\n\r\n  \n乙\r丙", text: "甲\n乙\n丙"),
        Case(name: "year range with hyphen", raw: "2023-2026年", text: "2023—2026年"),
        Case(name: "year range with full-width tilde", raw: "2021～2025年", text: "2021—2025年"),
        Case(name: "en dash and full-width hyphen", raw: "3–5年,1－2个", text: "3—5年,1—2个"),
        Case(name: "dates keep their dashes", raw: "2020-05-09 21:22:03", text: "2020-05-09 21:22:03"),
        Case(name: "a dash not between digits stays", raw: "——优质主体", text: "——优质主体"),
        Case(name: "mojibake question marks stay", raw: "重中之重?!笔", text: "重中之重?!笔"),
        Case(name: "pinyin annotations removed", raw: "制造業(yè)倍增,兩年內(nèi)", text: "制造業倍增,兩年內"),
        Case(name: "latin in parentheses without tone marks stays", raw: "企业(ab)", text: "企业(ab)"),
    ]

    @Test(arguments: folding)
    func folds(_ c: Case) {
        let raw = Array(c.raw.unicodeScalars)
        let text = Normalizer.fold(MappedText(identity: raw, range: 0..<raw.count))
        #expect(text.string(0..<text.count) == c.text)
    }

    @Test(arguments: folding)
    func foldsRawTextWithoutCopyingItTheSameWay(_ c: Case) {
        let raw = Array(("---\ntitle: t\n---\n" + c.raw).unicodeScalars)
        let body = 17..<raw.count  // after the front matter
        let copied = Normalizer.fold(MappedText(identity: raw, range: body))
        for range in [body, body.lowerBound..<raw.count - 1] {
            let folded = Normalizer.fold(raw, range: range)
            let expected = range == body ? copied : Normalizer.fold(MappedText(identity: raw, range: range))
            #expect(folded.scalars == expected.scalars)
            #expect(folded.start == expected.start)
            #expect(folded.end == expected.end)
        }
        #expect(copied.string(0..<copied.count) == c.text)
    }

    @Test func simplifyingKeepsTheOffsetMap() {
        let raw = Array("兩年內實現倍增".unicodeScalars)
        var text = Normalizer.fold(raw, range: 0..<raw.count)
        let before = text
        Normalizer.simplify(&text)
        #expect(text.string(0..<text.count) == "两年内实现倍增")
        #expect(text.start == before.start && text.end == before.end)
        #expect(Normalizer.simplify(before).scalars == text.scalars)
    }

    @Test(arguments: [
        "到2025年，全市地區生產總值達到一千億元，實現經濟發展。", "到2025年，全市地区生产总值达到一千亿元。",
        String(repeating: "这是简体文本。", count: 700) + String(repeating: "這是們個國發業。", count: 700),
        String(repeating: "們個國發業𠀀", count: 900) + "制造業(yè)", "<p>兩年內(nèi)實現倍增</p>", "",
    ])
    func foldCountsTheSampleOfWhatItOutputs(_ raw: String) {
        let scalars = Array(raw.unicodeScalars)
        var sample = TraditionalSample()
        let text = Normalizer.fold(scalars, range: 0..<scalars.count, sample: &sample)
        var copiedSample = TraditionalSample()
        let copied = Normalizer.fold(MappedText(identity: scalars, range: 0..<scalars.count), sample: &copiedSample)
        var expected = TraditionalSample()
        for c in text.scalars { expected.count(c, cjk: c.isCJK, in: Normalizer.traditionalOnly) }
        #expect(sample.cjk == expected.cjk && sample.marked == expected.marked)
        #expect(copiedSample.cjk == expected.cjk && copiedSample.marked == expected.marked)
        #expect(sample.cjk <= TraditionalSample.limit)
        #expect(copied.scalars == text.scalars)
        #expect(Normalizer.looksTraditional(text, sample: sample) == Normalizer.looksTraditional(text))
    }

    @Test func theStaticTableIsICUs() {
        #expect(SimplifiedTable.pairs == SimplifiedTable.icuPairs())
        #expect(SimplifiedTable.pairs.unicodeScalars.filter { $0 != "\n" }.count == 2 * 3074)
    }

    @Test func theTableSaysWhichCharactersChange() {
        let table = SimplifiedTable.shared
        for c in "業兩內實現發展经济a1，𠀀".unicodeScalars {
            #expect(table.changes(c) == (table.simplified(c) != c), "\(c)")
        }
        #expect(table.changes("業") && !table.changes("业") && !table.changes("a"))
    }

    @Test func keepingLinesJoinsThemWithBreaksMappedToWhereEachStarts() {
        let raw = Array("导航|首页\n第一段。\n广告\n第二段。\n页脚".unicodeScalars)
        var text = Normalizer.fold(raw, range: 0..<raw.count)
        let lines = text.lineRanges()
        text.keepLines([lines[1], lines[3]])
        #expect(text.string(0..<text.count) == "第一段。\n第二段。")
        #expect(text.count == text.start.count && text.count == text.end.count)
        let lineBreak = 4
        #expect(text.start[lineBreak] == 14 && text.end[lineBreak] == 14)  // where 第二段 starts in raw
        #expect(text.start[0] == 6 && text.end[text.count - 1] == 18)
        text.keepLines([])
        #expect(text.count == 0)
    }

    @Test func pinyinIsFoldedIntoThePrecedingCharacter() throws {
        let raw = "制造業(yè)倍增行動推進(jìn)會"
        let doc = try TextPipeline().prepare(bytes: Array(raw.utf8), source: "t.txt")
        let text = doc.string(0..<doc.text.count)
        #expect(text == "制造业倍增行动推进会")
        #expect(doc.facts.wasTraditional)
        // A quote taken from the text is an exact substring of the raw document.
        let range = 2..<8  // 业倍增行动推
        #expect(doc.string(range) == "业倍增行动推")
        #expect(doc.rawQuote(of: range) == "業(yè)倍增行動推")
    }

    @Test func simplifiedTextIsNotConverted() throws {
        let doc = try TextPipeline().prepare(bytes: Array("显著提升研发投入,着力打造产业集群。".utf8), source: "s.txt")
        #expect(!doc.facts.wasTraditional)
        #expect(doc.string(0..<doc.text.count) == "显著提升研发投入,着力打造产业集群。")
    }

    @Test func everyScalarMapsBackToRaw() throws {
        let raw = "到２０２５年，规上工业产值（亿元）达到１０００亿元以上。"
        let doc = try TextPipeline().prepare(bytes: Array(raw.utf8), source: "m.txt")
        let text = doc.string(0..<doc.text.count)
        #expect(text == "到2025年,规上工业产值(亿元)达到1000亿元以上。")
        let start = text.unicodeScalars.count - "达到1000亿元以上。".unicodeScalars.count
        #expect(doc.rawQuote(of: start..<doc.text.count) == "达到１０００亿元以上。")
    }
}
