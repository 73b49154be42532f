import Testing

@testable import Ingest

/// Inputs a crawler really produces: other encodings, nothing but navigation, huge single lines.
struct BadInputTests {
    static let notice = """
        全县制造业高质量发展大会召开
        3月2日,县委、县政府召开全县制造业高质量发展大会。会议提出,力争到2025年实现规上工业产值、工业投资“两个翻番”,研发经费投入强度达到3%以上,培育专精特新中小企业50家。
        """

    /// The same notice in traditional characters, for Big5 (which cannot encode simplified ones).
    static let traditionalNotice = """
        全縣製造業高質量發展大會召開
        3月2日,縣委、縣政府召開全縣製造業高質量發展大會。會議提出,力爭到2025年實現規上工業產值、工業投資“兩個翻番”,研發經費投入強度達到3%以上,培育專精特新中小企業50家。
        """

    static func commitments(_ bytes: [UInt8]) throws -> [Commitment] {
        let hints = DocumentHints(publishedOn: Day(year: 2021, month: 3, day: 3), publisherRegion: "松阳县")
        let doc = try TextPipeline().prepare(bytes: bytes, source: "notice.txt", hints: hints)
        return Extractor().extract(from: doc)
    }

    static func summary(_ cs: [Commitment]) -> [String] {
        cs.map { "\($0.region?.code ?? "-") \($0.kind) \($0.indicator) \($0.multiplier ?? 0) \($0.value ?? 0) \($0.deadlineYear ?? 0)" }
    }

    @Test(arguments: [TextDecoding.Encoding.gb18030, .big5, .utf16LE, .utf16BE])
    func everyEncodingGivesTheSameCommitments(_ encoding: TextDecoding.Encoding) throws {
        let expected = Self.summary(try Self.commitments(Array(Self.notice.utf8)))
        #expect(expected.count == 4)
        var bytes = try #require(TextDecoding.encode(encoding == .big5 ? Self.traditionalNotice : Self.notice, as: encoding))
        if encoding == .utf16LE { bytes = [0xFF, 0xFE] + bytes }
        if encoding == .utf16BE { bytes = [0xFE, 0xFF] + bytes }
        #expect(Self.summary(try Self.commitments(bytes)) == expected)
    }

    @Test func aPageOfOnlyNavigationHasNoCommitments() throws {
        let page = """
            首 页 | 新闻中心 | 今日要闻 | 乡镇动态 | 专题专栏 |
            您当前的位置:首页 > 新闻中心 > 今日要闻
            网站简介 | 版权声明 | 联系我们
            县融媒体中心主办 版权所有 浙ICP备12345678号
            """
        #expect(try Self.commitments(Array(page.utf8)).isEmpty)
    }

    /// 50 MB in an optimized build (`swift test -c release`); 2 MB in a debug build, where the
    /// same code runs some fifty times slower. scripts/bench-extract times the 50 MB case.
    static var hugeSize: Int {
        #if DEBUG
            2_000_000
        #else
            50_000_000
        #endif
    }

    @Test func aHugeSingleLineIsProcessed() throws {
        // One line with no break: extraction must stay linear.
        let sentence = "到2025年,全县规上工业增加值增长11%以上,新增规上工业企业6户以上;"
        let repeats = Self.hugeSize / sentence.utf8.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50_000_100)
        let unit = Array(sentence.utf8)
        for _ in 0..<repeats { bytes += unit }
        let found = try Self.commitments(bytes)
        // The same sentence again in one document is a restatement, not a new commitment (main's
        // f9938e1, "Restatements dropped"): the whole line gives what one sentence gives.
        #expect(found.count == 2)
        #expect(found.count == (try Self.commitments(unit)).count)
    }
}
