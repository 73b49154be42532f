import Testing

@testable import Ingest

struct DocumentFactsReaderTests {
    struct DateCase: CustomTestStringConvertible, Sendable {
        var name: String
        var page: String
        var hints: DocumentHints = .init()
        var day: Day?
        var testDescription: String { name }
    }

    static let body = "会议提出,到2025年全市规上工业产值实现翻番,研发经费投入强度达到3%以上。"

    static let dates: [DateCase] = [
        DateCase(name: "年月日 with time", page: "标题在这里啊啊\n来源: 作者:记者 某 2021年08月31日09:05:28\n\(body)", day: Day(year: 2021, month: 8, day: 31)),
        DateCase(name: "ISO with time", page: "标题在这里啊啊\n2020-05-09 21:22:03 记者 某\n\(body)", day: Day(year: 2020, month: 5, day: 9)),
        DateCase(name: "时间: in the byline after the body", page: "\(body)\n作者:某 来源:某某网 时间:2021年4月1日", day: Day(year: 2021, month: 4, day: 1)),
        DateCase(name: "时间：with full-width colon", page: "工作报告全文发布\n时间：2023-10-15 作者：某\n\(body)", day: Day(year: 2023, month: 10, day: 15)),
        DateCase(
            name: "front matter RFC 2822", page: "---\ntitle: '标题'\ndate: Tue, 08 Feb 2022 08:00:05 GMT\n---\n<p>\(body)</p><p>续。</p>",
            day: Day(year: 2022, month: 2, day: 8)),
        DateCase(name: "GMT evening is the next day in China", page: "---\ndate: Mon, 31 Jan 2022 20:00:00 GMT\n---\n\(body)", day: Day(year: 2022, month: 2, day: 1)),
        DateCase(name: "dateline with the year from hints", page: "中国某某网3月17日讯 \(body)", hints: DocumentHints(year: 2020), day: Day(year: 2020, month: 3, day: 17)),
        DateCase(name: "dateline without a year is unknown", page: "中国某某网3月17日讯 \(body)", day: nil),
        DateCase(name: "hints win", page: "标题在这里啊啊\n2020-05-09 21:22:03\n\(body)", hints: DocumentHints(publishedOn: Day(year: 2020, month: 5, day: 10)), day: Day(year: 2020, month: 5, day: 10)),
        DateCase(name: "dates in the body are not publication dates", page: "\(body)2023年2月12日召开。", day: nil),
    ]

    @Test(arguments: dates)
    func publicationDate(_ c: DateCase) throws {
        let doc = try TextPipeline().prepare(bytes: Array(c.page.utf8), source: "d.txt", hints: c.hints)
        #expect(doc.facts.publishedOn == c.day)
    }

    struct PublisherCase: CustomTestStringConvertible, Sendable {
        var name: String
        var page: String
        var hints: DocumentHints = .init()
        var publisher: String?
        var region: String?
        var testDescription: String { name }
    }

    static let publishers: [PublisherCase] = [
        PublisherCase(name: "source line 松阳新闻网", page: "\(body)\n作者:某 来源:松阳新闻网 编辑:某", publisher: "松阳新闻网", region: "331124"),
        PublisherCase(name: "dateline 中国义乌网", page: "中国义乌网3月17日讯(记者 某)\(body)", publisher: "中国义乌网", region: "330782"),
        PublisherCase(name: "copyright 嵊州新闻网", page: "\(body)\n嵊州新闻网版权所有.保留所有权利.", publisher: "嵊州新闻网", region: "330683"),
        PublisherCase(name: "source 柯桥传媒集团", page: "\(body)\n来源:柯桥传媒集团\n编辑:某", publisher: "柯桥传媒集团", region: "330603"),
        PublisherCase(name: "hint with parent prefix", page: body, hints: DocumentHints(publisherRegion: "绍兴市柯桥区"), region: "330603"),
        PublisherCase(name: "hint with full name", page: body, hints: DocumentHints(publisherRegion: "宁夏回族自治区"), region: "640000"),
        PublisherCase(name: "hint with short name", page: body, hints: DocumentHints(publisherRegion: "嵊州"), region: "330683"),
        PublisherCase(name: "hint overrides the text", page: "\(body)\n来源:松阳新闻网", hints: DocumentHints(publisherRegion: "濮阳市"), publisher: "松阳新闻网", region: "410900"),
    ]

    @Test(arguments: publishers)
    func publisherAndRegion(_ c: PublisherCase) throws {
        let doc = try TextPipeline().prepare(bytes: Array(c.page.utf8), source: "p.txt", hints: c.hints)
        if let publisher = c.publisher { #expect(doc.facts.publisher == publisher) }
        #expect(doc.facts.publisherRegion?.code == c.region)
    }

    @Test func unknownRegionHintIsAnError() {
        #expect(throws: IngestError.self) {
            _ = try TextPipeline().prepare(bytes: Array(Self.body.utf8), source: "p.txt", hints: DocumentHints(publisherRegion: "火星市"))
        }
    }

    @Test func titleFromFrontMatterThenHeader() throws {
        let fm = try TextPipeline().prepare(bytes: Array("---\ntitle: '前置标题'\n---\n<p>\(Self.body)</p><p>续。</p>".utf8), source: "t.txt")
        #expect(fm.facts.title == "前置标题")
        #expect(fm.string(0..<fm.text.count).hasPrefix("会议提出"))
        let header = try TextPipeline().prepare(bytes: Array("首页 > 新闻 > 正文\n全县制造业发展大会召开\n\(Self.body)".utf8), source: "t.txt")
        #expect(header.facts.title == "全县制造业发展大会召开")
        let hinted = try TextPipeline().prepare(bytes: Array("全县制造业发展大会召开\n\(Self.body)".utf8), source: "t.txt", hints: DocumentHints(title: "给定标题"))
        #expect(hinted.facts.title == "给定标题")
    }
}
