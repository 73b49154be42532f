import Testing

@testable import Ingest

struct HTMLTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var html: String
        var text: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "paragraphs are lines", html: "<div><p>第一段。</p><p>第二段。</p></div>", text: "第一段。\n第二段。"),
        Case(name: "br and li break lines", html: "<ul><li>甲</li><li>乙<br/>丙</li></ul>", text: "甲\n乙\n丙"),
        Case(name: "inline tags vanish", html: "<p><font class=\"x\">增长</font><b>6%</b></p>", text: "增长6%"),
        Case(name: "named entities", html: "<p>A&amp;B &lt;C&gt; &ldquo;双招双引&rdquo;&nbsp;X</p>", text: "A&B <C> “双招双引” X"),
        Case(name: "numeric entities", html: "<p>&#123;&#x4E2D;&#22269;&#125;</p>", text: "{中国}"),
        Case(name: "script, style and comments dropped", html: "<p>正文</p><script>var a = '<p>';</script><style>p{}</style><!-- 注释 --><p>续</p>", text: "正文\n续"),
        Case(name: "attribute with >", html: "<p title=\"a>b\">文字</p>", text: "文字"),
        Case(name: "a bare ampersand stays", html: "<p>研发&创新 R&D</p>", text: "研发&创新 R&D"),
    ]

    @Test(arguments: cases)
    func strips(_ c: Case) {
        let raw = Array(c.html.unicodeScalars)
        #expect(HTMLText.looksLikeHTML(raw, in: 0..<raw.count) || !c.html.contains("<p"))
        let stripped = Normalizer.fold(HTMLText.strip(raw, range: 0..<raw.count).text)
        #expect(stripped.string(0..<stripped.count) == c.text)
    }

    @Test func entitiesMapToTheirRawSpelling() {
        let raw = Array("<p>A&amp;B</p>".unicodeScalars)
        let text = HTMLText.strip(raw, range: 0..<raw.count).text
        let amp = text.scalars.firstIndex(of: "&")!
        #expect(Int(text.start[amp])..<Int(text.end[amp]) == 4..<9)
    }

    @Test func plainTextIsNotHTML() {
        let raw = Array("到2025年,产值<100亿元的企业 a<b".unicodeScalars)
        #expect(!HTMLText.looksLikeHTML(raw, in: 0..<raw.count))
    }

    @Test func frontMatterGivesTitleDateAndBodyStart() throws {
        let raw = Array("\n---\ntitle: '标题：这是''测试'''\ndate: Tue, 08 Feb 2022 08:00:05 GMT\n---\n<p>正文</p>".unicodeScalars)
        let fm = try #require(FrontMatter.read(raw))
        #expect(fm.title == "标题：这是'测试'")
        #expect(fm.date == "Tue, 08 Feb 2022 08:00:05 GMT")
        #expect(String(String.UnicodeScalarView(raw[fm.bodyStart...])) == "<p>正文</p>")
    }
}
