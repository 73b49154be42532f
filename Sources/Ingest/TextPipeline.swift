/// Bytes → `Document`: decoding, HTML stripping, boilerplate removal, normalization and
/// document facts, in that order.
public struct TextPipeline: Sendable {
    public init() {}

    /// Prepares one file's bytes. `source` names the file in errors and in the result.
    public func prepare(bytes: [UInt8], source: String, hints: DocumentHints = .init()) throws(IngestError)
        -> Document
    {
        // Placeholder until the decoding and cleaning stages land: strict UTF-8 only.
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw IngestError(file: source, message: "cannot decode bytes as UTF-8")
        }
        let raw = Array(string.unicodeScalars)
        let starts = (0..<raw.count).map { Int32($0) }
        return Document(
            source: source, raw: raw, text: raw, rawStart: starts, rawEnd: starts.map { $0 + 1 },
            facts: DocumentFacts(title: hints.title, publishedOn: hints.publishedOn))
    }
}
