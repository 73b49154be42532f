/// Bytes → `Document`: decoding, HTML stripping, boilerplate removal, normalization and
/// document facts, in that order.
public struct TextPipeline: Sendable {
    public var gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    /// Prepares one file's bytes. `source` names the file in errors and in the result.
    ///
    /// Throws when the bytes are empty, binary or in no supported encoding (with line, column
    /// and byte offset), when nothing but page furniture is left, or when `hints.publisherRegion`
    /// names no division in the gazetteer.
    public func prepare(bytes: [UInt8], source: String, hints: DocumentHints = .init()) throws(IngestError)
        -> Document
    {
        let raw = try TextDecoding.decode(bytes, source: source).scalars
        let frontMatter = FrontMatter.read(raw)
        let bodyRange = (frontMatter?.bodyStart ?? 0)..<raw.count

        var htmlTitle: String?
        var text: MappedText
        if HTMLText.looksLikeHTML(raw, in: bodyRange) {
            let stripped = HTMLText.strip(raw, range: bodyRange)
            text = stripped.text
            htmlTitle = stripped.title
        } else {
            text = MappedText(identity: raw, range: bodyRange)
        }
        text = Normalizer.fold(text)
        let traditional = Normalizer.looksTraditional(text)
        if traditional { text = Normalizer.simplify(text) }

        let cleaning = Cleaner.clean(text)
        let reader = DocumentFactsReader(
            text: text, cleaning: cleaning, frontMatter: frontMatter, htmlTitle: htmlTitle, gazetteer: gazetteer)
        let facts = try reader.read(hints: hints, wasTraditional: traditional, source: source)

        var body = MappedText(reservingCapacity: text.count)
        for (n, k) in cleaning.body.enumerated() {
            let range = cleaning.lines[k].range
            if n > 0 {
                // The line break before this line: map it to the raw text between the two lines.
                let at = text.start[range.lowerBound]
                body.append("\n", at, at)
            }
            body.scalars.append(contentsOf: text.scalars[range])
            body.start.append(contentsOf: text.start[range])
            body.end.append(contentsOf: text.end[range])
        }
        if body.count == 0 && !raw.isEmpty && raw.contains(where: { !$0.isSpaceLike }) && cleaning.lines.isEmpty {
            throw IngestError(file: source, message: "no text left after removing markup")
        }
        return Document(
            source: source, raw: raw, text: body.scalars, rawStart: body.start, rawEnd: body.end, facts: facts)
    }
}
