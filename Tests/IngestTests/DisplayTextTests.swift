import Testing

@testable import Ingest

/// What reports show as a target or an indicator: normalized, simplified, and nothing else changed.
struct DisplayTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var raw: String
        var shown: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "pinyin residue and traditional characters", raw: "制造業(yè)倍增行動(2023—2026年)", shown: "制造业倍增行动(2023—2026年)"),
        Case(name: "residue in full-width parentheses", raw: "實現(xiàn)倍增", shown: "实现倍增"),
        Case(name: "full-width digits and parentheses", raw: "规上工业增加值（２０２５年）", shown: "规上工业增加值(2025年)"),
        Case(name: "range dash between years", raw: "2023-2026年行动", shown: "2023—2026年行动"),
        Case(name: "simplified text is left alone", raw: "基本建成全球先进制造业基地", shown: "基本建成全球先进制造业基地"),
        Case(name: "显著 is simplified already (ICU would make it 显着)", raw: "综合实力显著增强", shown: "综合实力显著增强"),
        Case(name: "a target in words", raw: "×2 from 2020", shown: "×2 from 2020"),
        Case(name: "a level with a qualifier", raw: "≥2000亿元左右", shown: "≥2000亿元左右"),
        Case(name: "a parenthesis that is not pinyin", raw: "数字经济(核心产业)增加值", shown: "数字经济(核心产业)增加值"),
        Case(name: "doubled and trailing spaces", raw: "6% a  year ", shown: "6% a year"),
    ]

    @Test(arguments: cases)
    func showsNormalizedText(_ c: Case) {
        #expect(DisplayText.of(c.raw) == c.shown)
        // The byte check agrees: text that needs nothing is said to need nothing.
        var bytes = Array(c.raw.utf8)
        let needs = bytes.withUnsafeMutableBufferPointer { DisplayText.needsNormalizing(utf8: UnsafeBufferPointer($0)) }
        if c.raw != c.shown { #expect(needs) }
        if !needs { #expect(c.raw == c.shown) }
    }
}
