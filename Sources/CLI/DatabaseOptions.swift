import Glibc
import ArgumentParser
import Store

/// Options shared by every command that uses the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("database-url"),
        help: ArgumentHelp(
            "A libpq URL or keyword string (default: $PTT_DATABASE_URL, else ptt's own cluster under $PTT_HOME).",
            valueName: "url"))
    var databaseURL: String?

    @Flag(name: .long, help: "Show SQL states, SQL and server details in error messages.")
    var verbose = false

    /// The database to use and where that choice came from.
    enum Target {
        case url(String, origin: String)
        case embedded(Cluster)
    }

    func target() throws -> Target {
        if let databaseURL { return .url(databaseURL, origin: "from --database-url") }
        if let url = ProcessEnvironment.current["PTT_DATABASE_URL"], !url.isEmpty {
            return .url(url, origin: "from PTT_DATABASE_URL")
        }
        return .embedded(try Cluster(home: Cluster.defaultHome()))
    }

    /// Connects (starting the embedded cluster if that is the target) and applies pending
    /// migrations.
    ///
    /// The embedded cluster is usually running already: ptt connects first and only takes the
    /// cluster's lock, starts the server or creates the database when that fails. Migrations are
    /// checked by one query (`Migrator.migrateIfNeeded`); the files are read only when one is
    /// pending.
    func connect(migrate: Bool = true) throws -> Connection {
        let connection: Connection
        switch try target() {
        case .url(let url, let origin):
            connection = try Connection(target: url, origin: origin)
        case .embedded(let cluster):
            let origin = "ptt's own cluster in \(cluster.home)"
            if let running = try? Connection(target: cluster.url(), origin: origin) {
                connection = running
            } else {
                try cluster.start()
                connection = try Connection(target: cluster.url(), origin: origin)
            }
        }
        if migrate { try Migrator.migrateIfNeeded(connection) }
        return connection
    }

    /// Runs `body`, printing any error as one sentence and a hint (more with --verbose) and
    /// exiting with status 1.
    func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            printError(verbose ? error.verboseDescription : error.description)
            throw ExitCode.failure
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
    }
}

/// Writes `error: message` to standard error.
func printError(_ message: String) {
    var stderr = StandardError()
    print("error: " + message, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        _ = Glibc.write(2, &bytes, bytes.count)
    }
}
