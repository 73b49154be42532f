import Foundation

/// The files a command reads: files as given, directories walked recursively for policy texts.
public enum SourceFiles {
    /// File extensions read from directories.
    public static let extensions: Set<String> = ["txt", "html", "htm", "md"]

    /// `path` itself when it is a file (or `-`), else the texts under it, sorted.
    public static func expand(_ path: String) throws(IngestError) -> [String] {
        if path == "-" { return [path] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(file: path, message: "no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        let base = URL(fileURLWithPath: path)
        return names.sorted()
            .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .map { base.appendingPathComponent($0).path }
    }

    /// The bytes of `path` (`-` is standard input).
    public static func read(_ path: String) throws(IngestError) -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IngestError(file: path, message: "cannot read the file")
        }
        return [UInt8](data)
    }
}
