import Foundation

/// The files a command reads: files as given, directories walked recursively for policy texts.
public enum SourceFiles {
    /// File extensions read from directories.
    public static let extensions: Set<String> = ["txt", "html", "htm", "md"]

    /// `path` itself when it is a file (or `-`), else the texts under it, sorted.
    public static func expand(_ path: String) throws(IngestError) -> [String] {
        Array(try walk(path))
    }

    /// `path` itself when it is a file (or `-`), else the texts under it in the order of
    /// `expand`, found as they are needed: only the folders on the way down are listed at a
    /// time, so a crawl of a million files is never held in memory.
    public static func walk(_ path: String) throws(IngestError) -> Walk {
        if path == "-" { return Walk(file: path) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(file: path, message: "no such file or directory")
        }
        return isDirectory.boolValue ? Walk(directory: path) : Walk(file: path)
    }

    /// A depth-first walk that lists each folder when it gets there and sorts its entries so
    /// that the paths come out in the order of their full relative paths (a folder `a` sorts
    /// as `a/`, so `a.txt` comes before `a/b.txt`, as in a sort of the whole list).
    public struct Walk: Sequence, IteratorProtocol {
        /// Entries of the folders on the way down, last-first, with their paths.
        private var stack: [[(name: String, path: String, isDirectory: Bool)]] = []
        private var single: String?

        init(file: String) { single = file }

        /// Paths under `directory` are absolute, as `URL(fileURLWithPath:)` makes them.
        init(directory: String) {
            stack = [Walk.entries(of: URL(fileURLWithPath: directory).path)]
        }

        public mutating func next() -> String? {
            if let file = single {
                single = nil
                return file
            }
            while let top = stack.indices.last {
                guard let entry = stack[top].popLast() else {
                    stack.removeLast()
                    continue
                }
                if entry.isDirectory {
                    stack.append(Walk.entries(of: entry.path))
                } else if SourceFiles.extensions.contains((entry.name as NSString).pathExtension.lowercased()) {
                    return entry.path
                }
            }
            return nil
        }

        /// The folder's entries, sorted last-first so `popLast` takes them in order; folders
        /// reached through symbolic links are not followed (as `FileManager`'s enumerator).
        private static func entries(of directory: String) -> [(name: String, path: String, isDirectory: Bool)] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            let base = directory.hasSuffix("/") ? directory : directory + "/"
            return names.map { name in
                let path = base + name
                var info = stat()
                let isDirectory = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                return (name, path, isDirectory)
            }
            .sorted { ($0.isDirectory ? $0.name + "/" : $0.name) > ($1.isDirectory ? $1.name + "/" : $1.name) }
        }
    }

    /// The bytes of `path` (`-` is standard input).
    ///
    /// Read with POSIX calls straight into the array: going through Foundation's `Data` and
    /// copying it out cost 3 % of `ptt extract`.
    public static func read(_ path: String) throws(IngestError) -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IngestError(file: path, message: "cannot read the file") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
            throw IngestError(file: path, message: "cannot read the file")
        }
        // As many bytes as stat says, into uninitialized storage; then whatever is beyond that
        // (a file still being written, or one that reports no size).
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0)) { buffer, count in
            count = readFully(fd, into: buffer, failed: &failed)
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !failed {
            let n = chunk.withUnsafeMutableBufferPointer { readFully(fd, into: $0, failed: &failed) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[..<n])
        }
        if failed { throw IngestError(file: path, message: "cannot read the file") }
        return bytes
    }

    /// Reads until `buffer` is full or the file ends; the number of bytes read.
    private static func readFully(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failed: inout Bool)
        -> Int
    {
        var done = 0
        while done < buffer.count, let base = buffer.baseAddress {
            let n = Glibc.read(fd, base + done, buffer.count - done)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failed = true }
            if n <= 0 { break }
            done += n
        }
        return done
    }
}
