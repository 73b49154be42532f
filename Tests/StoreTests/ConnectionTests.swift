import Ingest
import Store
import Testing

/// A value bound as a parameter and read back.
struct BindingCase: CustomTestStringConvertible, Sendable {
    var name: String
    var value: SQLValue
    /// The type the server should see.
    var sqlType: String
    var expectedText: String?

    var testDescription: String { name }

    static func make<T: SQLEncodable>(_ name: String, _ value: T, _ type: String, _ text: String?) -> BindingCase {
        BindingCase(name: name, value: value.sqlValue, sqlType: type, expectedText: text)
    }

    static let all: [BindingCase] = [
        .make("CJK text", "到2025年规上工业产值翻一番", "text", "到2025年规上工业产值翻一番"),
        .make("quotes and semicolons stay data", "'; DROP TABLE documents; --", "text", "'; DROP TABLE documents; --"),
        .make("tabs, newlines, backslashes", "甲\t乙\n丙\\丁", "text", "甲\t乙\n丙\\丁"),
        .make("empty string is not NULL", "", "text", ""),
        .make("NULL text", String?.none, "text", nil),
        .make("NULL integer", Int?.none, "bigint", nil),
        .make("integer", 1_100, "bigint", "1100"),
        .make("negative integer", -13, "bigint", "-13"),
        .make("double", 13.5, "double precision", "13.5"),
        .make("true", true, "boolean", "t"),
        .make("date", Day(year: 2035, month: 12, day: 31), "date", "2035-12-31"),
        .make("NULL date", Day?.none, "date", nil),
        .make("text array", ["确保", "力争"], "text[]", "{确保,力争}"),
    ]
}

extension DatabaseTests {
    @Suite struct ConnectionTests {
        @Test(arguments: BindingCase.all)
        func bindsEveryValueAsAParameter(_ c: BindingCase) throws {
            try withFreshDatabase { db in
                let row = try db.execute("SELECT \(c.value) AS v, pg_typeof(\(c.value))::text AS t").first!
                #expect(try row.decode("v", as: String?.self) == c.expectedText)
                #expect(try row.decode("t", as: String.self) == c.sqlType)
            }
        }

        @Test func decodesTypedColumns() throws {
            try withFreshDatabase { db in
                let row = try db.execute(
                    "SELECT 42::int AS i, 7.5::numeric AS n, DATE '2025-06-30' AS d, NULL::text AS missing, '浙江'::text AS s"
                ).first!
                #expect(try row.decode("i", as: Int.self) == 42)
                #expect(try row.decode("n", as: Double.self) == 7.5)
                #expect(try row.decode("d", as: Day.self) == Day(year: 2025, month: 6, day: 30))
                #expect(try row.decode("missing", as: String?.self) == nil)
                #expect(try row.decode("s", as: String.self) == "浙江")
                #expect(throws: StoreError.self) { try row.decode("missing", as: String.self) }
                #expect(throws: StoreError.self) { try row.decode("s", as: Int.self) }
            }
        }

        @Test func mapsSQLStateOfUniqueViolation() throws {
            try withFreshDatabase { db in
                try db.execute("CREATE TABLE t (k text PRIMARY KEY)")
                try db.execute("INSERT INTO t VALUES (\("松阳"))")
                var caught = false
                do {
                    try db.execute("INSERT INTO t VALUES (\("松阳"))")
                } catch SQLState.uniqueViolation {
                    caught = true
                }
                #expect(caught)
                let error = #expect(throws: StoreError.self) { try db.execute("INSERT INTO t VALUES (\("松阳"))") }
                #expect(error?.sqlState == .uniqueViolation)
                #expect(error?.sqlState.errorClass == "23")
                // The default message leaves out SQL and values; --verbose shows them.
                #expect(error?.description.contains("INSERT") == false)
                #expect(error?.description.contains("松阳") == false)
                #expect(error?.verboseDescription.contains("INSERT INTO t") == true)
            }
        }

        @Test(arguments: [
            ("SELEC 1", SQLState.syntaxError),
            ("SELECT * FROM no_such_table", SQLState.undefinedTable),
            ("SELECT 'x'::int", SQLState.invalidTextRepresentation),
        ])
        func mapsSQLStates(sql: String, state: SQLState) throws {
            try withFreshDatabase { db in
                let error = #expect(throws: StoreError.self) { try db.execute(SQLQuery(unsafeSQL: sql)) }
                #expect(error?.sqlState == state)
            }
        }

        @Test func rollsBackWhenTheBodyThrows() throws {
            struct Boom: Error {}
            try withFreshDatabase { db in
                try db.execute("CREATE TABLE t (k text)")
                #expect(throws: Boom.self) {
                    try db.withTransaction { tx in
                        try tx.execute("INSERT INTO t VALUES (\("回滚"))")
                        throw Boom()
                    }
                }
                #expect(try db.execute("SELECT count(*) FROM t").first!.decode(0, as: Int.self) == 0)
                // A server error inside also rolls back, and the connection stays usable.
                #expect(throws: StoreError.self) {
                    try db.withTransaction { tx in
                        try tx.execute("INSERT INTO t VALUES (\("一"))")
                        try tx.execute("INSERT INTO t VALUES (1/0)")
                    }
                }
                try db.withTransaction { tx in try tx.execute("INSERT INTO t VALUES (\("提交"))") }
                #expect(try db.execute("SELECT k FROM t").rows.map { try $0.decode(0, as: String.self) } == ["提交"])
            }
        }

        @Test func nestedTransactionRollsBackOnlyItsSavepoint() throws {
            struct Boom: Error {}
            try withFreshDatabase { db in
                try db.execute("CREATE TABLE t (k int)")
                try db.withTransaction { tx in
                    try tx.execute("INSERT INTO t VALUES (\(1))")
                    try? tx.withTransaction { inner in
                        try inner.execute("INSERT INTO t VALUES (\(2))")
                        throw Boom()
                    }
                }
                #expect(try db.execute("SELECT array_agg(k)::text FROM t").first!.decode(0, as: String.self) == "{1}")
            }
        }

        @Test func unreachableServerFailsFastNamingTheTarget() throws {
            let start = ContinuousClock.now
            let error = #expect(throws: StoreError.self) {
                _ = try Connection(target: "postgresql://user:secret@127.0.0.1:1/somedb", origin: "from --database-url")
            }
            #expect(ContinuousClock.now - start < .seconds(5))
            #expect(error?.sqlState == .cannotConnect)
            #expect(error?.message.contains("somedb") == true)
            #expect(error?.message.contains("from --database-url") == true)
            #expect(error?.message.contains("secret") == false)
            #expect(error?.description.contains("\n") == false)
        }
    }
}
