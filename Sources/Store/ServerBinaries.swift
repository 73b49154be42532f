import Foundation

/// Where the PostgreSQL server programs (`initdb`, `postgres`, `psql`) are.
public struct ServerBinaries: Sendable, Hashable {
    /// The directory holding `initdb` and `postgres`.
    public var directory: String

    public var initdb: String { directory + "/initdb" }
    public var postgres: String { directory + "/postgres" }

    /// `psql` beside the server, else the first on PATH.
    public var psql: String? {
        if isExecutable(directory + "/psql") { return directory + "/psql" }
        return ServerBinaries.searchPath(ProcessEnvironment.current).first { isExecutable($0 + "/psql") }.map { $0 + "/psql" }
    }

    /// Looks in `PTT_PG_BINDIR`, `pg_config --bindir`, `/usr/lib/postgresql/*/bin` (newest first)
    /// and PATH, in that order.
    public static func locate(environment: [String: String] = ProcessEnvironment.current) throws -> ServerBinaries {
        var candidates: [String] = []
        if let dir = environment["PTT_PG_BINDIR"], !dir.isEmpty { candidates.append(dir) }
        let path = searchPath(environment)
        if let pgConfig = path.map({ $0 + "/pg_config" }).first(where: isExecutable),
            let result = try? Subprocess.capture([pgConfig, "--bindir"]), result.status == 0
        {
            candidates.append(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let versions = ((try? listDirectory("/usr/lib/postgresql")) ?? []).compactMap(Int.init).sorted(by: >)
        candidates += versions.map { "/usr/lib/postgresql/\($0)/bin" }
        candidates += path
        for dir in candidates where isExecutable(dir + "/initdb") && isExecutable(dir + "/postgres") {
            return ServerBinaries(directory: dir)
        }
        throw StoreError(
            sqlState: .clusterFailure,
            message: "cannot find the PostgreSQL server programs (initdb, postgres) for ptt's own database",
            hint: "install them with `apt-get install postgresql` (Debian/Ubuntu), set PTT_PG_BINDIR, or give --database-url")
    }

    static func searchPath(_ environment: [String: String]) -> [String] {
        (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    }
}

func isExecutable(_ path: String) -> Bool {
    access(path, X_OK) == 0 && !isDirectory(path)
}
