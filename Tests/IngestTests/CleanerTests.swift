import Testing

@testable import Ingest

struct CleanerTests {
    /// A synthetic scraped county news page: navigation, breadcrumb, byline, body, lists, footer.
    static let page = """
        首 页 | 新闻中心 | 本地要闻 | 乡镇动态 | 专题专栏 | 视频点播 |
        要闻 -- 本地 -- 乡镇 -- 专题 -- 视频
        您当前的位置:首页 > 新闻中心 > 本地要闻
        青田县召开数字经济发展推进会
        来源:青田新闻网 作者:记者 张三 2022年03月05日10:12:40
        点击观看精彩视频
        3月4日,青田县召开数字经济发展推进会,部署今年数字经济重点工作。会议要求,各乡镇各部门要提高站位,狠抓落实。
        会议提出
        到2025年,全县数字经济核心产业增加值力争达到50亿元,年均增长15%以上;规上工业企业数字化改造实现全覆盖。
        与会人员参观了县数字经济产业园。记者 李四 摄
        会议强调,要加快培育一批数字经济骨干企业,推动产业链上下游协同发展,营造良好的发展环境。
        编辑:王五
        分享到
        相关新闻
        青田举办首届数字经济论坛 2022-03-01 09:30:12
        全县开展企业数字化诊断服务,已覆盖200余家企业
        我县获评省级数字经济示范县 2022-02-20 16:05:40
        网站简介 | 版权声明 | 联系我们
        青田县融媒体中心主办 青田新闻网版权所有 浙ICP备12345678号
        """

    @Test func keepsTheArticleBody() throws {
        let doc = try TextPipeline().prepare(bytes: Array(Self.page.utf8), source: "page.txt")
        let lines = doc.string(0..<doc.text.count).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first?.hasPrefix("3月4日,青田县召开") == true)
        #expect(lines.contains("会议提出"))
        #expect(lines.contains { $0.hasPrefix("到2025年,全县数字经济") })
        #expect(lines.last?.hasPrefix("会议强调") == true)
    }

    @Test func readsFactsFromTheDroppedLines() throws {
        let doc = try TextPipeline().prepare(bytes: Array(Self.page.utf8), source: "page.txt")
        #expect(doc.facts.title == "青田县召开数字经济发展推进会")
        #expect(doc.facts.publishedOn == Day(year: 2022, month: 3, day: 5))
        #expect(doc.facts.publisher == "青田新闻网")
        #expect(doc.facts.publisherRegion?.name == "青田县")
    }

    @Test func keepsAHeadingRightAboveTheFirstParagraph() throws {
        let text = "2024年工作安排\n城乡居民人均可支配收入分别增长6%、7.5%以上。"
        let doc = try TextPipeline().prepare(bytes: Array(text.utf8), source: "h.txt")
        #expect(doc.string(0..<doc.text.count) == text)
    }

    struct LineCase: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var paragraph: Bool
        var dropped: Bool
        var testDescription: String { name }
    }

    static let lines: [LineCase] = [
        LineCase(name: "body sentence", line: "会议要求,各地要加快推进重点项目建设,确保全年目标任务顺利完成。", paragraph: true, dropped: false),
        LineCase(name: "nav bar with pipes", line: "首页 | 要闻 | 本地 | 视频", paragraph: false, dropped: true),
        LineCase(name: "nav of short words", line: "首 页 田园风光 数字报刊 新闻中心 公示公告", paragraph: false, dropped: true),
        LineCase(name: "breadcrumb", line: "当前位置:首页 > 新闻 > 正文", paragraph: false, dropped: true),
        LineCase(name: "footer", line: "某某县融媒体中心主办 版权所有 浙ICP备0000号", paragraph: false, dropped: true),
        LineCase(name: "share prompt", line: "分享到:", paragraph: false, dropped: true),
        LineCase(name: "photo caption", line: "与会人员参观产业园。全媒体记者 王某 摄", paragraph: false, dropped: true),
        LineCase(name: "headline with timestamp", line: "我县获评省级示范县 2022-02-20 16:05:40", paragraph: false, dropped: true),
        LineCase(name: "heading inside body", line: "一、坚定实施工业强县战略", paragraph: false, dropped: false),
    ]

    @Test(arguments: lines)
    func classifies(_ c: LineCase) {
        let s = Array(c.line.unicodeScalars)
        let line = Cleaner.classify(s, 0..<s.count)
        #expect(line.isParagraph == c.paragraph)
        #expect((line.isNav || line.isBoilerplate || line.isByline || line.isListHeader) == c.dropped)
    }
}

struct CleanerVocabularyTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var found: Cleaner.Vocabularies
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(line: "相关新闻", found: .listHeader),
        Case(line: "来源:青田新闻网 编辑:王五", found: .byline),
        Case(line: "网站简介 | 版权声明 | 联系我们", found: .boilerplate),
        Case(line: "责任编辑:王五 分享到 相关阅读", found: [.byline, .boilerplate, .listHeader]),
        Case(line: "会议强调,要加快培育一批企业", found: []),
    ]

    /// One pass over the line finds the same vocabularies as one pass per vocabulary.
    @Test(arguments: cases)
    func findsEveryVocabularyInOnePass(_ c: Case) {
        let s = Array(c.line.unicodeScalars)
        let found = Cleaner.lineWords(s, 0..<s.count)
        #expect(found == c.found)
        let separately: [(Cleaner.Vocabularies, [[Unicode.Scalar]])] = [
            (.listHeader, Cleaner.listHeaders), (.byline, Cleaner.bylineWords), (.boilerplate, Cleaner.boilerplateWords),
        ]
        for (kind, words) in separately {
            #expect(found.contains(kind) == Cleaner.contains(s, 0..<s.count, anyOf: words), "\(kind.rawValue)")
        }
    }
}
