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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PTTBinary.path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PTT_HOME"] = home
        env["PTT_DATABASE_URL"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: PTTBinary.sourceRoot)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
