/// `Document` → commitments.
public struct Extractor: Sendable {
    /// Changes whenever extraction rules change, so stored mentions can be re-extracted.
    public static let version = "0.1.0"

    public init() {}

    public func extract(from document: Document) -> [Commitment] {
        []
    }
}
