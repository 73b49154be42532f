/// A problem with one input file, located as precisely as the stage that found it can.
///
/// Rendered the way a compiler would: `--> 濮阳.txt:3:41  cannot decode bytes as UTF-8, GB18030 or Big5`.
public struct IngestError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file (or `-` for standard input) the problem is in.
    public var file: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    /// 0-based byte offset in the input, when known.
    public var byteOffset: Int?
    /// One sentence for a person.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "--> \(place)  \(message)"
        if let byteOffset { text += " (byte offset \(byteOffset))" }
        return text
    }
}
