import Glibc

/// Starting programs with `posix_spawn`: stdin from /dev/null, output to a file (or captured),
/// every other descriptor closed.
///
/// Closing descriptors is the point: a server daemon that inherits a pipe's write end keeps a
/// reader waiting forever (why Foundation's `Process.waitUntilExit()` hangs on `pg_ctl start`).
enum Subprocess {
    /// glibc's `POSIX_SPAWN_SETSID` (0x80), not imported by the Glibc module.
    static let setSessionFlag: Int32 = 0x80

    /// Spawns `argv` (argv[0] an absolute path) and returns its pid without waiting.
    ///
    /// Output (stdout and stderr) is appended to `outputFile`, or goes to `pipe` when given, or to
    /// /dev/null. With `newSession` the child leads its own session, so a terminal's Ctrl-C does
    /// not reach it.
    static func spawn(
        _ argv: [String], outputFile: String? = nil, pipe: Int32? = nil, directory: String? = nil,
        newSession: Bool = false
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let pipe {
            posix_spawn_file_actions_adddup2(&actions, pipe, 1)
        } else {
            posix_spawn_file_actions_addopen(
                &actions, 1, outputFile ?? "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0o644)
        }
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        if let directory, let addchdir = GlibcExtras.addchdir {
            _ = directory.withCString { addchdir(&actions, $0) }
        }
        if let closefrom = GlibcExtras.addclosefrom {
            _ = closefrom(&actions, 3)
        } else {
            for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newSession { flags |= setSessionFlag }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        var pid: pid_t = 0
        let status = withCStrings(argv) { args in
            posix_spawn(
                &pid, argv[0], &actions, &attributes,
                UnsafeMutablePointer(mutating: UnsafeRawPointer(args).assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)),
                environ)
        }
        guard status == 0 else {
            throw StoreError(
                sqlState: .clusterFailure,
                message: "cannot run \(argv[0]): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Waits for `pid` and returns its exit status (128 + signal number if killed).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        return exitCode(status)
    }

    /// The exit status of `pid` if it has ended, nil if it still runs or is not our child.
    static func exited(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == pid ? exitCode(status) : nil
    }

    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Runs `argv` to completion with output appended to `outputFile`; returns its exit status.
    static func run(_ argv: [String], outputFile: String? = nil, directory: String? = nil) throws -> Int32 {
        wait(try spawn(argv, outputFile: outputFile, directory: directory))
    }

    /// Runs `argv` to completion and returns its exit status and standard output (and error).
    static func capture(_ argv: [String]) throws -> (status: Int32, output: String) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw StoreError(sqlState: .clusterFailure, message: "cannot create a pipe")
        }
        let pid: pid_t
        do {
            pid = try spawn(argv, pipe: fds[1])
        } catch {
            close(fds[0])
            close(fds[1])
            throw error
        }
        close(fds[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, 4096) }
            if n > 0 {
                bytes += chunk[0..<n]
            } else if n == 0 || errno != EINTR {
                break
            }
        }
        close(fds[0])
        return (wait(pid), String(decoding: bytes, as: UTF8.self))
    }

    /// The descriptors open in this process, from /proc/self/fd.
    static func openDescriptors() -> [Int32] {
        guard let dir = opendir("/proc/self/fd") else { return Array(3..<256) }
        defer { closedir(dir) }
        var result: [Int32] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if let fd = Int32(name) { result.append(fd) }
        }
        return result
    }
}

/// glibc functions the Glibc module does not import (declared only under `_GNU_SOURCE`), looked
/// up at run time; nil on a C library without them.
enum GlibcExtras {
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    static let addchdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    static let addclosefrom: AddClosefrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    private static func symbol<F>(_ name: String) -> F? {
        guard let p = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(p, to: F.self)
    }
}
