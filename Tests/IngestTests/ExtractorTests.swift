import Testing

@testable import Ingest

/// Extraction over sentences written for these tests in the style of real policy texts.
struct ExtractorTests {
    /// What one extracted commitment must say.
    struct Expected: Sendable {
        var kind: Commitment.Kind
        var indicator: String
        var multiplier: Double? = nil
        var value: Double? = nil
        var unit: String? = nil
        var deadline: Int?
        var region: String? = nil
        var qualifier: String? = nil
        var perYear: Bool? = nil
        var baseYear: Int? = nil
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var published: String? = nil
        var publisherRegion: String? = nil
        var title: String? = nil
        var expected: [Expected]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "五个翻番-style list of doublings",
            text: "县委书记在会上强调，力争到2025年实现规上工业产值、财政收入“两个翻番”。",
            published: "2021-03-02", publisherRegion: "青田县",
            expected: [
                Expected(kind: .multiple, indicator: "规上工业产值", multiplier: 2, deadline: 2025, region: "青田县", qualifier: "力争"),
                Expected(kind: .multiple, indicator: "财政收入", multiplier: 2, deadline: 2025, region: "青田县", qualifier: "力争"),
            ]),
        Case(
            name: "N年内 counted from the campaign's first year, not publication",
            text: "市委、市政府实施工业倍增行动(2024—2027年)。目标是，两年内工业投资实现倍增，四年内规模以上工业增加值实现倍增。",
            published: "2024-06-01", publisherRegion: "南阳市",
            expected: [
                Expected(kind: .milestone, indicator: "工业倍增行动", deadline: 2027),
                Expected(kind: .multiple, indicator: "工业投资", multiplier: 2, deadline: 2025, baseYear: 2023),
                Expected(kind: .multiple, indicator: "规模以上工业增加值", multiplier: 2, deadline: 2027, baseYear: 2023),
            ]),
        Case(
            name: "annual targets of a work report; last year's results skipped",
            text: """
                温州市政府工作报告
                各位代表：现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员提出意见。
                一、2023年工作回顾
                全年实现地区生产总值8730亿元、增长6%，规上工业增加值增长7.8%。
                二、2024年工作安排
                今年全市经济社会发展主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇调查失业率控制在5.5%以内。
                """,
            published: "2024-02-01", publisherRegion: "温州市",
            expected: [
                Expected(kind: .growth, indicator: "地区生产总值", value: 6, unit: "%", deadline: 2024, qualifier: "左右", perYear: true),
                Expected(kind: .growth, indicator: "一般公共预算收入", value: 5, unit: "%", deadline: 2024, perYear: true),
                Expected(kind: .level, indicator: "城镇调查失业率", value: 5.5, unit: "%", deadline: 2024, qualifier: "以内"),
            ]),
        Case(
            name: "counts in an enumeration inherit the verb",
            text: "浙江省经信厅近日印发方案提出，到2025年，累计培育专精特新中小企业2000家以上、单项冠军企业50家。",
            published: "2023-05-10",
            expected: [
                Expected(kind: .count, indicator: "专精特新中小企业", value: 2000, unit: "家", deadline: 2025, region: "浙江省", qualifier: "以上"),
                Expected(kind: .count, indicator: "单项冠军企业", value: 50, unit: "家", deadline: 2025, region: "浙江省"),
            ]),
        Case(
            name: "reduction and level under one deadline",
            text: "到2025年，全市单位地区生产总值能耗下降13.5%，森林覆盖率达到62%以上。",
            published: "2021-09-01", publisherRegion: "丽水市",
            expected: [
                Expected(kind: .reduction, indicator: "单位地区生产总值能耗", value: 13.5, unit: "%", deadline: 2025, perYear: false),
                Expected(kind: .level, indicator: "森林覆盖率", value: 62, unit: "%", deadline: 2025, qualifier: "以上"),
            ]),
        Case(
            name: "dated qualitative goals",
            text: "到2035年基本建成现代化产业体系，到本世纪中叶全面建成社会主义现代化强市。",
            published: "2021-01-20", publisherRegion: "宁波市",
            expected: [
                Expected(kind: .milestone, indicator: "现代化产业体系", deadline: 2035),
                Expected(kind: .milestone, indicator: "社会主义现代化强市", deadline: 2050),
            ]),
        Case(
            name: "traditional characters with pinyin residue",
            text: "全省要力爭到2025年規(guī)上工業(yè)增加值突破2000億元。",
            published: "2022-03-01", publisherRegion: "福建省",
            expected: [
                Expected(kind: .level, indicator: "规上工业增加值", value: 2000, unit: "亿元", deadline: 2025, region: "福建省", qualifier: "力争|以上"),
            ]),
        Case(
            name: "十四五期间 is 2025, cumulative amounts from 2020",
            text: "“十四五”期间，累计引进省外资金5000亿元。",
            published: "2022-02-08", publisherRegion: "安徽省",
            expected: [
                Expected(kind: .level, indicator: "省外资金", value: 5000, unit: "亿元", deadline: 2025, baseYear: 2020),
            ]),
        Case(
            name: "增长1倍 is a doubling from the base year",
            text: "到2030年，全市数字经济核心产业增加值比2020年增长1倍。",
            published: "2021-06-01", publisherRegion: "合肥市",
            expected: [
                Expected(kind: .multiple, indicator: "数字经济核心产业增加值", multiplier: 2, deadline: 2030, baseYear: 2020),
            ]),
        Case(
            name: "a value list pairs 城乡 with 城镇 and 农村",
            text: "米易县政府工作报告\n现在，我代表县人民政府，向大会报告工作，请予审议。\n2024年工作安排\n城乡居民人均可支配收入分别增长6%、7.5%以上。",
            published: "2024-01-20", publisherRegion: "米易县",
            expected: [
                Expected(kind: .growth, indicator: "城镇居民人均可支配收入", value: 6, unit: "%", deadline: 2024, qualifier: "以上"),
                Expected(kind: .growth, indicator: "农村居民人均可支配收入", value: 7.5, unit: "%", deadline: 2024, qualifier: "以上"),
            ]),
        Case(
            name: "a doubling list before 实现",
            text: "力争到2025年，全县规上工业产值和工业投资实现“两个翻番”。",
            published: "2021-04-01", publisherRegion: "松阳县",
            expected: [
                Expected(kind: .multiple, indicator: "规上工业产值", multiplier: 2, deadline: 2025, region: "松阳县"),
                Expected(kind: .multiple, indicator: "工业投资", multiplier: 2, deadline: 2025, region: "松阳县"),
            ]),
        Case(
            name: "A和B with a shared noun pairs with a value list",
            text: "米易县政府工作报告\n现在，我代表县人民政府，向大会报告工作，请予审议。\n2024年工作安排\n城镇和农村居民人均可支配收入分别增长6%、7.5%以上。",
            published: "2024-01-20", publisherRegion: "米易县",
            expected: [
                Expected(kind: .growth, indicator: "城镇居民人均可支配收入", value: 6, unit: "%", deadline: 2024),
                Expected(kind: .growth, indicator: "农村居民人均可支配收入", value: 7.5, unit: "%", deadline: 2024),
            ]),
        Case(
            name: "plan outline: Chinese-digit years, a borrowed indicator, paired reductions",
            text: "展望二〇三五年，全面建成社会主义现代化强省。“十四五”时期主要目标：地区生产总值年均增长6%左右，到2025年突破6.5万亿元；单位地区生产总值能源消耗和二氧化碳排放分别降低14%、19.5%。",
            published: "2021-03-01", publisherRegion: "四川省",
            expected: [
                Expected(kind: .milestone, indicator: "社会主义现代化强省", deadline: 2035),
                Expected(kind: .growth, indicator: "地区生产总值", value: 6, unit: "%", deadline: 2025, perYear: true),
                Expected(kind: .level, indicator: "地区生产总值", value: 6.5, unit: "万亿元", deadline: 2025),
                Expected(kind: .reduction, indicator: "单位地区生产总值能源消耗", value: 14, unit: "%", deadline: 2025),
                Expected(kind: .reduction, indicator: "二氧化碳排放", value: 19.5, unit: "%", deadline: 2025),
            ]),
        Case(
            name: "累计完成 under a future deadline is a plan",
            text: "三年行动方案提出，到2026年累计完成技术改造投资1.2万亿元，每年实施重点技术改造项目1000个以上。",
            published: "2024-01-15", publisherRegion: "湖北省",
            expected: [
                Expected(kind: .level, indicator: "技术改造投资", value: 1.2, unit: "万亿元", deadline: 2026),
                Expected(kind: .count, indicator: "重点技术改造项目", value: 1000, unit: "个", deadline: 2026, qualifier: "以上"),
            ]),
        Case(
            name: "programme names and facts are not commitments",
            text: "今年共有300家“倍增计划”企业入选名单，同比增加20家。截至2023年底，全市已建成5G基站1.2万个。",
            published: "2024-03-01", publisherRegion: "东莞市",
            expected: []),
        Case(
            name: "N个 after 等 counts what follows",
            text: "米易县政府工作报告\n现在，我代表县人民政府，向大会报告工作，请予审议。\n2023年工作安排\n确保城东污水处理厂等8个重点项目竣工投产，新建高标准农田2万亩。",
            published: "2023-02-10", publisherRegion: "米易县",
            expected: [
                Expected(kind: .count, indicator: "重点项目竣工投产", value: 8, unit: "个", deadline: 2023, qualifier: "确保"),
                Expected(kind: .level, indicator: "高标准农田", value: 2, unit: "万亩", deadline: 2023),
            ]),
    ]

    static func run(_ c: Case) throws -> [Commitment] {
        let hints = DocumentHints(
            title: c.title, publishedOn: c.published.flatMap { Day(iso: $0) }, publisherRegion: c.publisherRegion)
        let doc = try TextPipeline().prepare(bytes: Array(c.text.utf8), source: "case.txt", hints: hints)
        return Extractor().extract(from: doc)
    }

    @Test(arguments: cases)
    func extracts(_ c: Case) throws {
        let got = try Self.run(c)
        #expect(got.count == c.expected.count, "\(got.map { "\($0.kind) \($0.indicator)" })")
        for (g, e) in zip(got, c.expected) {
            #expect(g.kind == e.kind)
            #expect(g.indicator == e.indicator)
            #expect(g.multiplier == e.multiplier)
            #expect(g.value == e.value)
            #expect(g.unit == e.unit)
            #expect(g.deadlineYear == e.deadline)
            if let r = e.region { #expect(g.region?.name == r) }
            if let q = e.qualifier { #expect(g.qualifier == q) }
            if let p = e.perYear { #expect(g.perYear == p) }
            if let b = e.baseYear { #expect(g.baseYear == b) }
        }
    }

    @Test(arguments: cases)
    func quotesAreExactRawSubstrings(_ c: Case) throws {
        let raw = Array(c.text.unicodeScalars)
        for g in try Self.run(c) {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: raw[g.span])
            #expect(String(s) == g.quote)
            #expect(!g.quote.isEmpty)
        }
    }

    @Test func issuerFromScopeWordsRelativeToPublisher() throws {
        let text = "省政府召开全省制造业大会。会议提出，到2025年全省规上工业增加值突破3万亿元。"
        let doc = try TextPipeline().prepare(
            bytes: Array(text.utf8), source: "x.txt",
            hints: DocumentHints(title: "全省制造业大会召开", publishedOn: Day(year: 2021, month: 5, day: 1), publisherRegion: "嵊州市"))
        let got = Extractor().extract(from: doc)
        #expect(got.first?.region?.name == "浙江省")
    }

    @Test func sentencesSplitIntoSegmentsAndClauses() {
        let t = Array("甲,乙“丙,丁”;戊：己。;(庚;辛)".unicodeScalars)
        let segments = Array(ExtractionRun.Segments(t, 0..<t.count))
        #expect(segments == [0..<9, 9..<14, 14..<t.count])
        let clauses = Array(ExtractionRun.Clauses(t, 0..<t.count))
        #expect(clauses == [0..<1, 2..<8, 9..<10, 11..<12, 14..<t.count])
        #expect(Array(ExtractionRun.Clauses(t, 3..<3)).isEmpty)
        // A part longer than 600 characters is cut at its last comma.
        let long = Array((String(repeating: "字", count: 400) + "," + String(repeating: "字", count: 400)).unicodeScalars)
        #expect(Array(ExtractionRun.Segments(long, 0..<long.count)) == [0..<401, 401..<801])
    }
}
