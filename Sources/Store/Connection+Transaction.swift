import CLibPQ

extension Connection {
    /// Runs `body` in a transaction: commits if it returns, rolls back if it throws.
    ///
    /// Inside another transaction it uses a savepoint, so nesting is safe.
    @discardableResult
    public func withTransaction<T>(_ body: (Connection) throws -> T) throws -> T {
        let nested = PQtransactionStatus(handle) != PQTRANS_IDLE
        let savepoint = "ptt_savepoint"
        try execute(nested ? "SAVEPOINT \(unsafeSQL: savepoint)" : "BEGIN")
        do {
            let value = try body(self)
            try execute(nested ? "RELEASE SAVEPOINT \(unsafeSQL: savepoint)" : "COMMIT")
            return value
        } catch {
            // The original error matters more than a failure to roll back a broken session.
            _ = try? execute(nested ? "ROLLBACK TO SAVEPOINT \(unsafeSQL: savepoint)" : "ROLLBACK")
            throw error
        }
    }
}
