import ArgumentParser
import Glibc
import Store

/// `ptt db …`: manage ptt's own PostgreSQL cluster, and migrations of any database.
struct DB: ParsableCommand, WorkedExamples {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage ptt's own PostgreSQL cluster (under $PTT_HOME) and the schema.",
        subcommands: [Status.self, Start.self, Stop.self, URL.self, Psql.self, Migrate.self, GrantReader.self]
    )

    static let examples = """
          $ ptt db status
          state     running (pid 20073)
          home      /root/.local/share/ptt
          …
          $ ptt db psql -c 'SELECT count(*) FROM targets'
          $ ptt db migrate --database-url postgresql://ptt@db.example.org/policy
          $ ptt db stop
          stopped
        """

    /// The embedded cluster, or a validation error if a URL was given (those servers are not ptt's to manage).
    static func embeddedCluster(_ options: DatabaseOptions) throws -> Cluster {
        switch try options.target() {
        case .embedded(let cluster): return cluster
        case .url(_, let origin):
            throw ValidationError("this command manages ptt's own cluster, but a database URL was given (\(origin))")
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show whether the cluster runs, and where it lives.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.reportingErrors {
                let cluster = try DB.embeddedCluster(database)
                let state = cluster.state()
                print("state     \(state)")
                print("home      \(cluster.home)")
                print("data      \(cluster.dataDirectory)")
                print("socket    \(cluster.socketDirectory)")
                print("log       \(cluster.logFile)")
                print("url       \(cluster.url())")
                if let user = cluster.serverUser { print("runs as   \(user.name)") }
                if case .running = state {} else { throw ExitCode(3) }
            }
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the cluster if needed and start it.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.reportingErrors {
                let cluster = try DB.embeddedCluster(database)
                switch try cluster.start() {
                case .alreadyRunning: print("already running: \(cluster.url())")
                case .started: print("started: \(cluster.url())")
                case .created: print("created and started: \(cluster.url())")
                }
            }
        }
    }

    struct Stop: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the cluster (the next command starts it again).")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.reportingErrors {
                let cluster = try DB.embeddedCluster(database)
                print(try cluster.stop() ? "stopped" : "not running")
            }
        }
    }

    struct URL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "url", abstract: "Print the URL of ptt's database (starting the cluster if needed).")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.reportingErrors {
                switch try database.target() {
                case .url(let url, _): print(url)
                case .embedded(let cluster):
                    try cluster.start()
                    print(cluster.url())
                }
            }
        }
    }

    struct Psql: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open psql on ptt's database.")
        @OptionGroup var database: DatabaseOptions
        @Argument(parsing: .captureForPassthrough, help: "Arguments passed to psql.")
        var arguments: [String] = []

        func run() throws {
            try database.reportingErrors {
                _ = try database.connect()
                let url: String
                var psql: String?
                switch try database.target() {
                case .url(let given, _): url = given
                case .embedded(let cluster): url = cluster.url()
                }
                psql = (try? ServerBinaries.locate())?.psql
                    ?? ProcessEnvironment.current["PATH"]?.split(separator: ":").map { $0 + "/psql" }
                    .first { access($0, X_OK) == 0 }
                guard let psql else {
                    throw StoreError(
                        sqlState: .clientError, message: "cannot find psql",
                        hint: "install it with `apt-get install postgresql-client`")
                }
                let argv = [psql, url] + arguments
                let cArgs = argv.map { strdup($0) } + [nil]
                execv(psql, cArgs)
                throw StoreError(sqlState: .clientError, message: "cannot run \(psql)")
            }
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply pending migrations from sql/.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.reportingErrors {
                let connection = try database.connect(migrate: false)
                let migrator = try Migrator.fromSourceTree()
                let applied = try migrator.migrate(connection)
                if applied.isEmpty {
                    print("up to date (\(migrator.migrations.count) migrations)")
                } else {
                    for m in applied { print("applied \(m.fileName)") }
                }
            }
        }
    }
}
