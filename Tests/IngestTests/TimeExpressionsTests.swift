import Testing

@testable import Ingest

struct TimeExpressionsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var kinds: [TimeMention.Kind]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "到2025年建成", kinds: [.by(2025)]),
        Case(text: "2025年前完成", kinds: [.by(2025)]),
        Case(text: "到2025年底实现", kinds: [.by(2025)]),
        Case(text: "力争2027年突破", kinds: [.by(2027)]),
        Case(text: "比2020年增长一倍", kinds: [.base(2020)]),
        Case(text: "在2022年的基础上翻一番", kinds: [.base(2022)]),
        Case(text: "倍增行动(2023—2026年)", kinds: [.period(YearSpan(2023, 2026))]),
        Case(text: "(2021年至2025年)", kinds: [.period(YearSpan(2021, 2025))]),
        Case(text: "“十四五”期间", kinds: [.period(YearSpan(2021, 2025))]),
        Case(text: "十五五时期", kinds: [.period(YearSpan(2026, 2030))]),
        Case(text: "“十五五”开局之年", kinds: []),
        Case(text: "三年内实现倍增", kinds: [.years(3)]),
        Case(text: "为期3年的攻坚行动", kinds: [.years(3)]),
        Case(text: "用五年时间", kinds: [.years(5)]),
        Case(text: "科技型企业三年双倍增行动", kinds: [.years(3)]),
        Case(text: "一年有突破、两年上台阶", kinds: [.years(1), .years(2)]),
        Case(text: "今年增长6%", kinds: [.thisYear]),
        Case(text: "确保年内通过认定", kinds: [.thisYear]),
        Case(text: "明年投产", kinds: [.nextYear]),
        Case(text: "到本世纪中叶", kinds: [.by(2050)]),
        Case(text: "2021年增长8.1%", kinds: [.year(2021)]),
        Case(text: "近三年", kinds: []),
    ]

    @Test(arguments: cases)
    func scans(_ c: Case) {
        let t = c.text.scalars
        #expect(TimeExpressions.scan(t, in: 0..<t.count).map(\.kind) == c.kinds)
    }
}
