import Foundation
import Glibc
import Store

/// A one-line progress bar on standard error, redrawn at most ten times a second; only when
/// standard error is a terminal.
///
/// `@unchecked Sendable`: workers call `update` from several threads; all state is under `lock`.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A bar if standard error is a terminal, else nil.
    static func onTerminal() -> ProgressBar? {
        isatty(2) != 0 ? ProgressBar() : nil
    }

    func update(_ progress: IngestProgress) {
        lock.withLock {
            let now = Date()
            guard progress.done == progress.total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            drawn = true
            let width = 30
            let filled = progress.total == 0 ? width : progress.done * width / progress.total
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            let c = progress.counts
            let line =
                "\r\(bar) \(progress.done)/\(progress.total)  \(c[.new, default: 0]) new, "
                + "\(c[.unchanged, default: 0]) unchanged, \(c[.updated, default: 0]) updated, \(progress.failed) failed\u{1B}[K"
            var stderr = StandardError()
            stderr.write(line)
        }
    }

    /// Erases the bar.
    func clear() {
        lock.withLock {
            guard drawn else { return }
            var stderr = StandardError()
            stderr.write("\r\u{1B}[K")
        }
    }
}
