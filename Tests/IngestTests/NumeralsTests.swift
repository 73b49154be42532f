import Testing

@testable import Ingest

struct NumeralsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var value: Double?
        var testDescription: String { "\(text) = \(value.map { String($0) } ?? "nil")" }
    }

    static let whole: [Case] = [
        Case(text: "十四", value: 14),
        Case(text: "一千一百万", value: 11_000_000),
        Case(text: "两", value: 2),
        Case(text: "百亿", value: 1e10),
        Case(text: "千", value: 1000),
        Case(text: "一百零五", value: 105),
        Case(text: "1.5万", value: 15_000),
        Case(text: "1万亿", value: 1e12),
        Case(text: "3,500", value: 3500),
        Case(text: "41.65", value: 41.65),
        Case(text: "三千五百", value: 3500),
        Case(text: "万", value: 10_000),
        Case(text: "增长", value: nil),
    ]

    @Test(arguments: whole)
    func wholeStrings(_ c: Case) {
        #expect(Numerals.value(of: c.text) == c.value)
    }

    @Test func chineseStopsBetweenDigits() {
        let t = "十四五".scalars
        let r = Numerals.chinese(t, at: 0)
        #expect(r?.value == 14)
        #expect(r?.range == 0..<2)
    }

    @Test func arabicSeparatorNeedsThreeDigits() {
        let t = "1,00家".scalars
        #expect(Numerals.arabic(t, at: 0)?.value == 1)
    }
}

struct QuantityTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var value: Double
        var unit: String?
        var qualifier: String?
        var unitClass: Quantity.UnitClass
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "3.5万亿元", value: 3.5, unit: "万亿元", qualifier: nil, unitClass: .measure),
        Case(text: "10000家以上", value: 10000, unit: "家", qualifier: "以上", unitClass: .countable),
        Case(text: "6%左右", value: 6, unit: "%", qualifier: "左右", unitClass: .percent),
        Case(text: "千名", value: 1000, unit: "名", qualifier: nil, unitClass: .countable),
        Case(text: "百亿", value: 100, unit: "亿元", qualifier: nil, unitClass: .measure),
        Case(text: "万亩", value: 1, unit: "万亩", qualifier: nil, unitClass: .measure),
        Case(text: "1.5万家", value: 1.5, unit: "万家", qualifier: nil, unitClass: .countable),
        Case(text: "800万标箱", value: 800, unit: "万标箱", qualifier: nil, unitClass: .measure),
        Case(text: "2200万人次", value: 2200, unit: "万人次", qualifier: nil, unitClass: .measure),
        Case(text: "0.5个百分点", value: 0.5, unit: "个百分点", qualifier: nil, unitClass: .percent),
        Case(text: "200余个", value: 200, unit: "个", qualifier: "以上", unitClass: .countable),
        Case(text: "1000万千瓦", value: 1000, unit: "万千瓦", qualifier: nil, unitClass: .measure),
        Case(text: "95以上", value: 95, unit: nil, qualifier: "以上", unitClass: .none),
    ]

    @Test(arguments: cases)
    func reads(_ c: Case) throws {
        let q = try #require(QuantityReader.read(c.text.scalars, at: 0))
        #expect(q.value == c.value)
        #expect(q.unit == c.unit)
        #expect(q.qualifier == c.qualifier)
        #expect(q.unitClass == c.unitClass)
        #expect(q.range == 0..<c.text.unicodeScalars.count)
    }

    @Test func wordsAreNotQuantities() {
        #expect(QuantityReader.read("十分满意".scalars, at: 0) == nil)
        #expect(QuantityReader.read("增长".scalars, at: 0) == nil)
    }

    @Test func fractions() throws {
        let q = try #require(QuantityReader.read("三分之一".scalars, at: 0))
        #expect(abs(q.value - 1.0 / 3) < 1e-9)
    }
}
