import Foundation

/// Whether `path` is a directory (following symlinks).
func isDirectory(_ path: String) -> Bool {
    var isDir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
}

/// Names in `directory`, sorted.
func listDirectory(_ directory: String) throws -> [String] {
    do {
        return try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    } catch {
        throw StoreError(sqlState: .clientError, message: "cannot list \(directory)")
    }
}

/// The bytes of the file at `path`.
func readFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw StoreError(sqlState: .clientError, message: "cannot read \(path)")
    }
    return [UInt8](data)
}
