import Store
import Testing

extension DatabaseTests {
    @Suite struct CopyTests {
        static let awkward: [[String?]] = [
            ["到2025年，全县规上工业产值翻一番", "plain"],
            ["列一\t列二", "tab"],
            ["第一行\n第二行\r\n第三行", "newlines"],
            ["C:\\路径\\N 不是 NULL", "backslashes"],
            ["\\N", "a literal backslash-N"],
            [nil, "NULL"],
            ["", "empty string"],
            ["“引号”、'单引号' 與 繁體", "quotes and traditional"],
        ]

        @Test func copiesTabsNewlinesBackslashesAndNulls() throws {
            try withFreshDatabase { db in
                try db.execute("CREATE TABLE t (n serial, body text, label text)")
                let count = try db.copy(into: "t", columns: ["body", "label"], rows: CopyTests.awkward)
                #expect(count == CopyTests.awkward.count)
                let back = try db.execute("SELECT body, label FROM t ORDER BY n").rows.map {
                    [try $0.decode(0, as: String?.self), try $0.decode(1, as: String?.self)]
                }
                #expect(back == CopyTests.awkward)
            }
        }

        @Test func copiesManyRowsAcrossBufferBoundaries() throws {
            try withFreshDatabase { db in
                try db.execute("CREATE TABLE t (i int, body text)")
                let rows = (0..<20_000).lazy.map { i -> [String?] in [String(i), "第\(i)条\t目标\\\n"] }
                #expect(try db.copy(into: "t", columns: ["i", "body"], rows: rows) == 20_000)
                let row = try db.execute("SELECT count(*), max(i), min(body) FROM t WHERE body LIKE \("%\t%")").first!
                #expect(try row.decode(0, as: Int.self) == 20_000)
                #expect(try row.decode(1, as: Int.self) == 19_999)
            }
        }

        @Test func badRowFailsTheCopyAndLeavesNothing() throws {
            try withFreshDatabase { db in
                try db.execute("CREATE TABLE t (i int NOT NULL)")
                let error = #expect(throws: StoreError.self) {
                    try db.copy(into: "t", columns: ["i"], rows: [["1"], [nil]])
                }
                #expect(error?.sqlState == .notNullViolation)
                #expect(try db.execute("SELECT count(*) FROM t").first!.decode(0, as: Int.self) == 0)
                // The connection is usable afterwards.
                #expect(try db.copy(into: "t", columns: ["i"], rows: [["1"]]) == 1)
            }
        }
    }
}
