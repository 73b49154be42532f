import Store
import Testing

extension DatabaseTests {
    /// Text arrays go to the server as array literals built byte by byte; what it reads back
    /// must be the same strings, whatever they hold.
    @Suite struct ArrayEncodingTests {
        @Test func textArraysKeepQuotesBackslashesBracesAndEmptyStrings() throws {
            let items = ["他说\"好\"", "C:\\路径\\N", "", "{a,b}", "NULL", "第一行\n第二行", "規上工業"]
            try withFreshDatabase { db in
                let rows = try db.execute("SELECT u FROM unnest(\(items)::text[]) WITH ORDINALITY AS a(u, n) ORDER BY n")
                #expect(try rows.rows.map { try $0.decode(0, as: String.self) } == items)
            }
        }
    }
}

struct PlanPeriodTests {
    @Test(arguments: [
        ("杭州市国民经济和社会发展第十四个五年规划", nil),
        ("关于印发《XX市“十四五”制造业高质量发展规划》的通知", "十四五"),
        ("制造业倍增行动方案（2023—2026年）", "2023-2026"),
        ("2021-2025年行动计划", "2021-2025"),
        ("12021-2025", nil),
        ("关于2023年工作的报告", nil),
    ] as [(String, String?)])
    func readsThePeriodATitleNames(_ title: String, _ period: String?) {
        #expect(PlanPeriod.of(title: title) == period)
    }
}
