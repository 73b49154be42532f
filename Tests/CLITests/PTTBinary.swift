import Foundation
import Testing

/// Runs the built `ptt` binary (beside the test bundle) with a private PTT_HOME.
struct PTTBinary {
    var home: String
    var environment: [String: String] = [:]

    static var path: String {
        let testBinary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: testBinary).deletingLastPathComponent().appendingPathComponent("ptt").path
    }

    /// The source tree's root, for examples/.
    static var sourceRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// A fresh temporary PTT_HOME the `postgres` user can enter.
    static func withHome(_ label: String, _ body: (PTTBinary) throws -> Void) throws {
        let home = NSTemporaryDirectory() + "ptt-cli-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        chmod(home, 0o755)
        let ptt = PTTBinary(home: home)
        defer {
            _ = try? ptt.run("db", "stop")
            try? FileManager.default.removeItem(atPath: home)
        }
        try body(ptt)
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `ptt arguments…` to completion. Reading its output to the end also proves that no
    /// server it started kept the pipes open.
    @discardableResult
    func run(_ arguments: String...) throws -> Output { try run(arguments) }

    @discardableResult
    func run(_ arguments: [String]) throws -> Output {
        try capture(process(arguments))
    }

    /// `ptt arguments…` set up to run in this home, from the source root, with no database URL
    /// from the environment unless the test gave one.
    func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PTTBinary.path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PTT_HOME"] = home
        env["PTT_DATABASE_URL"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: PTTBinary.sourceRoot)
        return process
    }
}

extension PTTBinary {
    /// Starts `ptt arguments…` without waiting; output is discarded.
    func start(_ arguments: [String]) throws -> Process {
        let process = process(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The URL of `database` in this home's cluster, as `user` (default: ptt's own).
    func url(database: String = "ptt", user: String? = nil) throws -> String {
        var url = try run("db", "url").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        url = url.replacingOccurrences(of: "/ptt?", with: "/\(database)?")
        if let user, let at = url.firstIndex(of: "@") {
            url = "postgresql://" + user + String(url[at...])
        }
        return url
    }

    /// Runs psql on `url` with one command, unaligned and without headers.
    func psql(_ sql: String, url: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-tAX", "-v", "ON_ERROR_STOP=1", "-c", sql]
        return try capture(process)
    }

    /// The result of one query on `database`, trimmed.
    func query(_ sql: String, database: String = "ptt") throws -> String {
        try psql(sql, url: try url(database: database)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Runs `process` to the end and returns its status and both outputs.
func capture(_ process: Process) throws -> PTTBinary.Output {
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return PTTBinary.Output(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}
