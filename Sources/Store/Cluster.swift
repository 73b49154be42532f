import CLibPQ
import Foundation

/// The PostgreSQL cluster ptt manages itself when no database URL is given.
///
/// It lives under `PTT_HOME` (default `~/.local/share/ptt`): `cluster/data` (the data
/// directory), `cluster/run` (the only place the server listens: a Unix socket in a private
/// directory, no TCP) and `cluster/server.log`. It is created on first use, started on demand
/// and left running so the next command is fast.
///
/// Run as root, the server runs as the `postgres` user (initdb and postgres refuse root) and the
/// cluster directory belongs to that user. If `postgres` cannot reach `PTT_HOME` (root's home is
/// usually private), the cluster directory is `/var/lib/ptt/<hash of PTT_HOME>` instead and
/// `PTT_HOME/cluster` is a symlink to it: ptt does not open up permissions on your home.
///
/// Starting takes an exclusive lock on `PTT_HOME/cluster.lock`, so two ptt processes started
/// at once share one server instead of racing to start two.
public struct Cluster: Sendable {
    /// `PTT_HOME`.
    public let home: String
    /// The directory holding data/, run/ and server.log.
    public let directory: String
    /// Who runs the server: nil for the current user, else a system user (root's case).
    public let serverUser: ServerUser?
    /// The port number in the socket's name (`.s.PGSQL.5432`); no TCP port is opened.
    public let port = 5432
    /// The database ptt uses inside the cluster.
    public static let databaseName = "ptt"

    public var dataDirectory: String { directory + "/data" }
    public var socketDirectory: String { directory + "/run" }
    public var logFile: String { directory + "/server.log" }
    var lockFile: String { home + "/cluster.lock" }
    var pidFile: String { dataDirectory + "/postmaster.pid" }

    /// A system user that runs the server when ptt runs as root.
    public struct ServerUser: Sendable, Hashable {
        public var name: String
        public var uid: uid_t
        public var gid: gid_t
    }

    /// `PTT_HOME`, else `$HOME/.local/share/ptt`.
    public static func defaultHome(environment: [String: String] = ProcessEnvironment.current) -> String {
        if let home = environment["PTT_HOME"], !home.isEmpty { return absolutePath(home) }
        let userHome = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? homeOfCurrentUser()
        return userHome + "/.local/share/ptt"
    }

    /// The cluster for `home`; creates nothing.
    public init(home: String) throws {
        self.home = Cluster.absolutePath(home)
        if geteuid() == 0 {
            guard let pw = getpwnam("postgres") else {
                throw StoreError(
                    sqlState: .clusterFailure,
                    message: "ptt runs as root, and PostgreSQL's server must run as the `postgres` user, which does not exist",
                    hint: "install the server with `apt-get install postgresql` (it creates the user), or run ptt as an ordinary user")
            }
            let user = ServerUser(name: "postgres", uid: pw.pointee.pw_uid, gid: pw.pointee.pw_gid)
            serverUser = user
            if Cluster.ancestorsReachable(of: self.home, by: user) {
                directory = self.home + "/cluster"
            } else {
                directory = "/var/lib/ptt/" + String(SHA256.hex(Array(self.home.utf8)).prefix(16))
            }
        } else {
            serverUser = nil
            directory = self.home + "/cluster"
        }
    }

    /// The URL of `database` in this cluster (socket path percent-encoded).
    public func url(database: String = Cluster.databaseName) -> String {
        let user = serverUser.map { $0.name + "@" } ?? ""
        return "postgresql://\(user)/\(database)?host=\(Cluster.percentEncode(socketDirectory))&port=\(port)"
    }

    // MARK: Status

    /// What state the cluster is in.
    public enum State: Sendable, Equatable, CustomStringConvertible {
        case notInitialized
        case stopped
        /// A pid file whose server is gone (crashed); the next start recovers it.
        case crashed(pid: Int)
        case running(pid: Int?)

        public var description: String {
            switch self {
            case .notInitialized: "not created yet"
            case .stopped: "stopped"
            case .crashed(let pid): "stopped (stale pid file from crashed server \(pid))"
            case .running(let pid): pid.map { "running (pid \($0))" } ?? "running"
            }
        }
    }

    public func state() -> State {
        if ping() { return .running(pid: recordedPid()) }
        guard FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") else { return .notInitialized }
        if let pid = recordedPid() {
            return isServer(pid: pid) ? .running(pid: pid) : .crashed(pid: pid)
        }
        return .stopped
    }

    /// Whether the server accepts connections (`PQping`).
    public func ping() -> Bool {
        var info = "host='\(socketDirectory)' port=\(port) dbname=postgres connect_timeout=2"
        if let user = serverUser { info += " user=\(user.name)" }
        return PQping(info) == PQPING_OK
    }

    func recordedPid() -> Int? {
        guard let text = try? String(contentsOfFile: pidFile, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    // MARK: Start

    /// What `start` did.
    public enum StartOutcome: Sendable, Equatable {
        case alreadyRunning
        case started
        /// Created the cluster (initdb) and started it.
        case created
    }

    /// Makes sure the cluster exists, runs and has ptt's database; returns what it had to do.
    ///
    /// Recovers from a crashed server's stale pid file. On failure the error carries the end
    /// of the server log.
    @discardableResult
    public func start(timeout: Double = 60) throws -> StartOutcome {
        try makeHome()
        return try withLock {
            if ping() {
                try createDatabaseIfNeeded()
                return .alreadyRunning
            }
            let binaries = try ServerBinaries.locate()
            try prepareDirectories()
            var outcome = StartOutcome.started
            if !FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") {
                try initialize(binaries)
                outcome = .created
            }
            try launch(binaries, timeout: timeout)
            try createDatabaseIfNeeded()
            return outcome
        }
    }

    func makeHome() throws {
        do {
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        } catch {
            throw StoreError(
                sqlState: .clusterFailure, message: "cannot create PTT_HOME \(home) (permission denied or not a directory)",
                hint: "set PTT_HOME to a directory you can write, or give --database-url")
        }
    }

    func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError(
                sqlState: .clusterFailure, message: "cannot open the lock file \(lockFile): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }  // closing releases the lock
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                throw StoreError(sqlState: .clusterFailure, message: "cannot lock \(lockFile)")
            }
        }
        return try body()
    }

    func prepareDirectories() throws {
        let fm = FileManager.default
        if let user = serverUser {
            // Let the server user through PTT_HOME (search permission only).
            if directory.hasPrefix(home + "/") {
                try addSearchPermission(home)
            } else {
                try fm.createDirectory(atPath: "/var/lib/ptt", withIntermediateDirectories: true)
                try addSearchPermission("/var/lib/ptt")
                let link = home + "/cluster"
                if (try? fm.destinationOfSymbolicLink(atPath: link)) == nil, !fm.fileExists(atPath: link) {
                    try? fm.createSymbolicLink(atPath: link, withDestinationPath: directory)
                }
            }
            for dir in [directory, socketDirectory] {
                if !fm.fileExists(atPath: dir) { try fm.createDirectory(atPath: dir, withIntermediateDirectories: false) }
                chmod(dir, 0o700)
                chown(dir, user.uid, user.gid)
            }
            if !fm.fileExists(atPath: logFile) { _ = fm.createFile(atPath: logFile, contents: nil) }
            chown(logFile, user.uid, user.gid)
        } else {
            for dir in [directory, socketDirectory] {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
                chmod(dir, 0o700)
            }
        }
    }

    func addSearchPermission(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        if st.st_mode & 0o001 == 0 { chmod(path, (st.st_mode & 0o7777) | 0o001) }
    }

    /// The command prefix that runs a program as the server user (empty when not root).
    func asServerUser() throws -> [String] {
        guard let user = serverUser else { return [] }
        for setpriv in ["/usr/bin/setpriv", "/bin/setpriv"] where isExecutable(setpriv) {
            return [setpriv, "--reuid=\(user.name)", "--regid=\(user.name)", "--init-groups"]
        }
        for runuser in ["/usr/sbin/runuser", "/sbin/runuser"] where isExecutable(runuser) {
            return [runuser, "-u", user.name, "--"]
        }
        throw StoreError(
            sqlState: .clusterFailure, message: "cannot switch to the postgres user: neither setpriv nor runuser is installed",
            hint: "install util-linux")
    }

    func initialize(_ binaries: ServerBinaries) throws {
        // A half-made data directory (initdb interrupted) is removed and made again.
        if FileManager.default.fileExists(atPath: dataDirectory) {
            try FileManager.default.removeItem(atPath: dataDirectory)
        }
        appendToLog("ptt: creating the cluster with \(binaries.initdb)")
        // Trust is safe here: the server listens only on a socket in a directory only its owner
        // (and root) can enter.
        let argv = try asServerUser() + [
            binaries.initdb, "-D", dataDirectory, "-E", "UTF8", "--locale=C", "--auth=trust",
        ]
        let status = try Subprocess.run(argv, outputFile: logFile, directory: directory)
        guard status == 0 else {
            throw failure("cannot create the embedded cluster (initdb exited with status \(status))")
        }
    }

    func launch(_ binaries: ServerBinaries, timeout: Double) throws {
        // A pid file whose process is gone was left by a crash: the server would refuse to start
        // (as root it cannot tell whether the pid is alive), so remove it and stale socket locks.
        if let pid = recordedPid() {
            if isServer(pid: pid) {
                if waitForPing(timeout: timeout, child: nil) { return }
                throw failure("the embedded server (pid \(pid)) runs but does not accept connections")
            }
            appendToLog("ptt: removing stale pid file of crashed server \(pid)")
            try? FileManager.default.removeItem(atPath: pidFile)
            for name in (try? listDirectory(socketDirectory)) ?? [] where name.hasPrefix(".s.PGSQL.") {
                try? FileManager.default.removeItem(atPath: socketDirectory + "/" + name)
            }
        }
        appendToLog("ptt: starting the server")
        let argv = try asServerUser() + [
            binaries.postgres, "-D", dataDirectory, "-p", String(port), "-k", socketDirectory,
            "-c", "listen_addresses=", "-c", "unix_socket_permissions=0700",
        ]
        let pid = try Subprocess.spawn(argv, outputFile: logFile, directory: directory, newSession: true)
        guard waitForPing(timeout: timeout, child: pid) else {
            if Subprocess.exited(pid) == nil { kill(pid, SIGQUIT) }
            throw failure("the embedded PostgreSQL server did not start")
        }
    }

    /// Polls `PQping` until the server answers; false on timeout or if `child` exits.
    func waitForPing(timeout: Double, child: pid_t?) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if ping() { return true }
            if let child, Subprocess.exited(child) != nil { return false }
            usleep(30_000)
        }
        return false
    }

    func createDatabaseIfNeeded() throws {
        let db = try Connection(target: url(database: "postgres"), origin: "ptt's own cluster")
        let exists = try db.execute("SELECT 1 FROM pg_database WHERE datname = \(Cluster.databaseName)").count > 0
        if !exists {
            do {
                try db.execute("CREATE DATABASE \(identifier: Cluster.databaseName)")
            } catch SQLState("42P04") {
                // Created meanwhile by someone else: fine.
            }
        }
    }

    // MARK: Stop

    /// Stops the server (fast shutdown) and waits until it is gone; false if it was not running.
    @discardableResult
    public func stop(timeout: Double = 30) throws -> Bool {
        try makeHome()
        return try withLock {
            guard let pid = recordedPid(), isServer(pid: pid) else { return false }
            kill(pid_t(pid), SIGINT)
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                _ = Subprocess.exited(pid_t(pid))  // reap it if it is our own child
                if !isServer(pid: pid) || !FileManager.default.fileExists(atPath: pidFile) {
                    return true
                }
                usleep(30_000)
            }
            throw failure("the embedded server (pid \(pid)) did not stop within \(Int(timeout)) s")
        }
    }

    // MARK: Helpers

    /// An error whose message ends with the last lines of the server log.
    func failure(_ message: String) -> StoreError {
        StoreError(
            sqlState: .clusterFailure,
            message: message + "; the end of \(logFile):\n" + logTail(lines: 12).map { "    " + $0 }.joined(separator: "\n"),
            hint: "fix what the log says, or remove \(dataDirectory) to start afresh (this deletes ptt's data)")
    }

    /// The last `lines` lines of the server log.
    public func logTail(lines: Int) -> [String] {
        guard let data = FileManager.default.contents(atPath: logFile) else { return ["(no log)"] }
        let text = String(decoding: data.suffix(16_384), as: UTF8.self)
        return Array(text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).map(String.init))
    }

    func appendToLog(_ line: String) {
        guard let handle = FileHandle(forWritingAtPath: logFile) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Whether `pid` is a live (not zombie) server of this cluster: its working directory is the
    /// data directory (or, where that cannot be read, it runs a postgres program).
    func isServer(pid: Int) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        // Field 3, after the parenthesised command name, is the state; Z is a zombie.
        if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z") {
            return false
        }
        if let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd") {
            let real = realpath(dataDirectory, nil).map { p in defer { free(p) }; return String(cString: p) }
            return cwd == dataDirectory || cwd == real
        }
        guard let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        return String(decoding: cmdline, as: UTF8.self).contains("postgres")
    }

    /// Whether every existing ancestor of `path` lets `user` search it.
    static func ancestorsReachable(of path: String, by user: ServerUser) -> Bool {
        var current = path
        while let slash = current.lastIndex(of: "/"), current != "/" {
            current = slash == current.startIndex ? "/" : String(current[..<slash])
            var st = stat()
            guard stat(current, &st) == 0 else { continue }  // to be created by ptt, 0755
            let mode = st.st_mode
            let ok =
                mode & 0o001 != 0 || (st.st_uid == user.uid && mode & 0o100 != 0)
                || (st.st_gid == user.gid && mode & 0o010 != 0)
            if !ok { return false }
        }
        return true
    }

    static func absolutePath(_ path: String) -> String {
        var p = path
        if p.hasPrefix("~/") { p = homeOfCurrentUser() + p.dropFirst(1) }
        if !p.hasPrefix("/") { p = FileManager.default.currentDirectoryPath + "/" + p }
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        return p
    }

    static func homeOfCurrentUser() -> String {
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/tmp"
    }

    static func percentEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
