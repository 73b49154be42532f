extension Connection {
    /// Makes `role` a reader of ptt's tables: SELECT on every table and view in the public
    /// schema, now and for tables later migrations add, and nothing else. Creates the role (able
    /// to log in, no password) when it does not exist; returns whether it did.
    ///
    /// Refuses a superuser, which no grant can restrict. The role name is quoted as an
    /// identifier, so any name is safe.
    @discardableResult
    public func grantReader(role: String) throws -> Bool {
        try withTransaction { db in
            let existing = try db.execute("SELECT rolsuper FROM pg_roles WHERE rolname = \(role)").first
            if let existing, try existing.decode(0, as: Bool.self) {
                throw StoreError(
                    sqlState: .clientError,
                    message: "role \"\(role)\" is a superuser, which can read and write everything whatever is granted",
                    hint: "give an ordinary role, or a new name for ptt to create")
            }
            if existing == nil { try db.execute("CREATE ROLE \(identifier: role) LOGIN") }
            let database: String = try db.execute("SELECT current_database()").first!.decode(0)
            try db.execute("GRANT CONNECT ON DATABASE \(identifier: database) TO \(identifier: role)")
            try db.execute("GRANT USAGE ON SCHEMA public TO \(identifier: role)")
            try db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(identifier: role)")
            try db.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO \(identifier: role)")
            return existing == nil
        }
    }
}
