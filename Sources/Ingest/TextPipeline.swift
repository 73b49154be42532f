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
        var sample = TraditionalSample()
        if HTMLText.looksLikeHTML(raw, in: bodyRange) {
            let stripped = HTMLText.strip(raw, range: bodyRange)
            htmlTitle = stripped.title
            text = Normalizer.fold(stripped.text, sample: &sample)
        } else {
            text = Normalizer.fold(raw, range: bodyRange, sample: &sample)
        }
        let traditional = Normalizer.looksTraditional(text, sample: sample)
        if traditional { Normalizer.simplify(&text) }

        let cleaning = Cleaner.clean(text)
        // The reader is a temporary, so `text` is not shared when the body is cut out of it below.
        let facts = try DocumentFactsReader(
            text: text, cleaning: cleaning, frontMatter: frontMatter, htmlTitle: htmlTitle, gazetteer: gazetteer
        ).read(hints: hints, wasTraditional: traditional, source: source)

        text.keepLines(cleaning.body.map { cleaning.lines[$0].range })
        if text.count == 0 && !raw.isEmpty && raw.contains(where: { !$0.isSpaceLike }) && cleaning.lines.isEmpty {
            throw IngestError(file: source, message: "no text left after removing markup")
        }
        return Document(
            source: source, raw: raw, text: text.scalars, rawStart: text.start, rawEnd: text.end, facts: facts)
    }
}
