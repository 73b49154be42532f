import Foundation
import Testing

@testable import Ingest

struct SourceFilesTests {
    /// The walk lists folders as it reaches them; its order must be that of sorting the whole
    /// list of relative paths (what `ptt extract DIR` prints and the ingest order rest on).
    @Test func walksInTheOrderOfTheSortedRelativePaths() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ptt-walk-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = [
            "a.txt", "a/b.txt", "a/c/d.html", "a-b/e.md", "a0.htm", "b.TXT", "杭州/报告.txt", "z/y/x/w.txt",
            "a/skip.pdf", "noext", ".hidden/h.txt",
        ]
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("正文".utf8).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)

        let walked = Array(try SourceFiles.walk(root))
        let expected = files.filter { SourceFiles.extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted().map { root + "/" + $0 }
        #expect(walked == expected)
        #expect(try SourceFiles.expand(root) == expected)
        #expect(Array(try SourceFiles.walk(root + "/a.txt")) == [root + "/a.txt"])
        #expect(throws: IngestError.self) { try SourceFiles.walk(root + "/missing") }
    }

    @Test func readsWholeFilesEmptyOnesAndRefusesMissingOnesAndFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ptt-read-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let big = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }  // several 64 KB reads
        try Data(big).write(to: URL(fileURLWithPath: root + "/big.txt"))
        try Data().write(to: URL(fileURLWithPath: root + "/empty.txt"))
        #expect(try SourceFiles.read(root + "/big.txt") == big)
        #expect(try SourceFiles.read(root + "/empty.txt") == [])
        #expect(throws: IngestError(file: root + "/missing.txt", message: "cannot read the file")) {
            try SourceFiles.read(root + "/missing.txt")
        }
        #expect(throws: IngestError.self) { try SourceFiles.read(root) }
    }
}
