#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes → Unicode scalars, with the encoding detected rather than assumed.
///
/// Order: a byte-order mark (UTF-8, UTF-16 LE/BE) decides; otherwise strict UTF-8; otherwise
/// GB18030 and Big5 are both tried and the more plausible reading wins (share of common CJK
/// characters, no private-use or control characters). Input with NUL bytes is refused as binary.
public enum TextDecoding {
    /// An encoding a file was read as.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case gb18030 = "GB18030"
        case big5 = "BIG5"
    }

    /// The decoded text (without byte-order mark) and the encoding it was read as.
    public struct Result: Sendable {
        public var scalars: [Unicode.Scalar]
        public var encoding: Encoding
    }

    /// Decodes `bytes`; `source` names the file in errors.
    ///
    /// Errors name the line, column and byte offset of the first byte no encoding could read
    /// (the furthest any candidate got), or say the file is empty or binary.
    public static func decode(_ bytes: [UInt8], source: String) throws(IngestError) -> Result {
        if bytes.isEmpty { throw IngestError(file: source, message: "the file is empty") }
        if bytes.count >= 2 && (bytes[0], bytes[1]) == (0xFF, 0xFE) {
            return try decodeUTF16(bytes, from: 2, bigEndian: false, source: source)
        }
        if bytes.count >= 2 && (bytes[0], bytes[1]) == (0xFE, 0xFF) {
            return try decodeUTF16(bytes, from: 2, bigEndian: true, source: source)
        }
        let bom = bytes.count >= 3 && (bytes[0], bytes[1], bytes[2]) == (0xEF, 0xBB, 0xBF) ? 3 : 0
        let utf8 = decodeUTF8(bytes, from: bom)
        if case .success(let scalars) = utf8 {
            if scalars.isEmpty { throw IngestError(file: source, message: "the file is empty") }
            return Result(scalars: scalars, encoding: .utf8)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw located(bytes, at: nul, source: source, message: "binary file: NUL byte, not text", encoding: nil)
        }
        var failures: [(offset: Int, encoding: Encoding?)] = []
        var utf8Damaged: Int?
        if case .failure(let offset) = utf8, bom == 3 {
            // A BOM promises UTF-8: report its first bad byte, do not guess.
            throw located(
                bytes, at: offset, source: source, message: "cannot decode bytes as UTF-8 (the file starts with a UTF-8 mark)",
                encoding: nil)
        } else if case .failure(let offset) = utf8 {
            failures.append((offset, nil))
            // Multi-byte UTF-8 read well up to here: a damaged or truncated UTF-8 file, unless
            // GB18030 or Big5 reads the whole file plausibly (GBK pairs such as C8 AB are also
            // valid UTF-8, so a GBK file can look like UTF-8 for a few bytes).
            utf8Damaged = bytes[bom..<offset].contains(where: { $0 >= 0x80 }) ? offset : nil
        }
        var readings: [(scalars: [Unicode.Scalar], encoding: Encoding, score: Double)] = []
        for encoding in [Encoding.gb18030, .big5] {
            switch iconvDecode(bytes, from: encoding.rawValue) {
            case .success(let scalars):
                let score = plausibility(scalars)
                if score >= 0.6 { readings.append((scalars, encoding, score)) }
            case .failure(let offset):
                failures.append((offset, encoding))
            }
        }
        if let best = readings.max(by: { $0.score < $1.score }) {
            return Result(scalars: best.scalars, encoding: best.encoding)
        }
        if let offset = utf8Damaged {
            throw located(
                bytes, at: offset, source: source, message: "cannot decode bytes as UTF-8, GB18030 or Big5",
                encoding: nil)
        }
        let worst = failures.max { $0.offset < $1.offset } ?? (0, nil)
        throw located(
            bytes, at: worst.offset, source: source, message: "cannot decode bytes as UTF-8, GB18030 or Big5",
            encoding: worst.encoding)
    }

    // MARK: - UTF-8 and UTF-16

    enum Outcome {
        case success([Unicode.Scalar])
        /// Byte offset of the first byte that cannot be read.
        case failure(Int)
    }

    /// Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF, no truncation).
    static func decodeUTF8(_ bytes: [UInt8], from start: Int) -> Outcome {
        var failure: Int?
        let n = bytes.count
        let scalars = bytes.withUnsafeBufferPointer { b in
            // Each scalar takes at least one byte, so the `n - start` places always suffice, and
            // exactly the first `written` of them are initialized (the decoding was a tenth of
            // text preparation with `append`, its capacity and uniqueness checks at every scalar).
            [Unicode.Scalar](unsafeUninitializedCapacity: n - start) { out, written in
                var i = start
                while i < n {
                    let c0 = b[i]
                    if c0 < 0x80 {
                        if c0 == 0 {
                            failure = i
                            return
                        }
                        out[written] = Unicode.Scalar(c0)
                        written += 1
                        i += 1
                        continue
                    }
                    // Three bytes, as every Han character: read directly when well-formed.
                    if c0 & 0xF0 == 0xE0, i + 2 < n, b[i + 1] & 0xC0 == 0x80, b[i + 2] & 0xC0 == 0x80 {
                        let value = UInt32(c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                        if value >= 0x800, let scalar = Unicode.Scalar(value) {
                            out[written] = scalar
                            written += 1
                            i += 3
                            continue
                        }
                    }
                    var need = 0
                    var value: UInt32 = 0
                    var minimum: UInt32 = 0
                    switch c0 {
                    case 0xC2...0xDF: need = 1; value = UInt32(c0 & 0x1F); minimum = 0x80
                    case 0xE0...0xEF: need = 2; value = UInt32(c0 & 0x0F); minimum = 0x800
                    case 0xF0...0xF4: need = 3; value = UInt32(c0 & 0x07); minimum = 0x10000
                    default:
                        failure = i
                        return
                    }
                    var k = 1
                    while k <= need {
                        guard i + k < n, b[i + k] & 0xC0 == 0x80 else {
                            failure = i
                            return
                        }
                        value = value << 6 | UInt32(b[i + k] & 0x3F)
                        k += 1
                    }
                    guard value >= minimum, let scalar = Unicode.Scalar(value) else {
                        failure = i
                        return
                    }
                    out[written] = scalar
                    written += 1
                    i += need + 1
                }
            }
        }
        if let failure { return .failure(failure) }
        return .success(scalars)
    }

    static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool, source: String) throws(IngestError)
        -> Result
    {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity((bytes.count - start) / 2)
        var i = start
        func unit(_ at: Int) -> UInt16 {
            bigEndian ? UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1]) : UInt16(bytes[at + 1]) << 8 | UInt16(bytes[at])
        }
        let encoding: Encoding = bigEndian ? .utf16BE : .utf16LE
        func bad(_ at: Int) -> IngestError {
            IngestError(
                file: source, byteOffset: at, message: "cannot decode bytes as \(encoding.rawValue) (the file starts with its mark)")
        }
        while i < bytes.count {
            guard i + 1 < bytes.count else { throw bad(i) }
            let u = unit(i)
            if u < 0xD800 || u > 0xDFFF {
                if u == 0 { throw bad(i) }
                out.append(Unicode.Scalar(u)!)
                i += 2
            } else if u <= 0xDBFF, i + 3 < bytes.count {
                let low = unit(i + 2)
                guard (0xDC00...0xDFFF).contains(low) else { throw bad(i) }
                let value = 0x10000 + (UInt32(u - 0xD800) << 10 | UInt32(low - 0xDC00))
                out.append(Unicode.Scalar(value)!)
                i += 4
            } else {
                throw bad(i)
            }
        }
        if out.isEmpty { throw IngestError(file: source, message: "the file is empty") }
        return Result(scalars: out, encoding: encoding)
    }

    // MARK: - iconv

    /// Decodes with iconv into UTF-32; fails at the offset of the first unreadable byte.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> Outcome {
        guard let cd = iconv_open("UTF-32LE", encoding), cd != iconv_t(bitPattern: -1) else { return .failure(0) }
        defer { iconv_close(cd) }
        var output = [UInt32](repeating: 0, count: bytes.count + 4)
        var produced = 0
        var failedAt: Int?
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                let inBase = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                let outBase = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inPtr: UnsafeMutablePointer<CChar>? = inBase
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBase
                var outLeft = outBuf.count * 4
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft > 0 { failedAt = inBuf.count - inLeft }
                produced = (outBuf.count * 4 - outLeft) / 4
            }
        }
        if let failedAt { return .failure(failedAt) }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(produced)
        for k in 0..<produced {
            guard let s = Unicode.Scalar(output[k]) else { return .failure(0) }
            scalars.append(s)
        }
        return .success(scalars)
    }

    /// Encodes `text` with iconv (for tests and tools); nil when it cannot be represented.
    public static func encode(_ text: String, as encoding: Encoding) -> [UInt8]? {
        guard let cd = iconv_open(encoding.rawValue, "UTF-8"), cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        var ok = true
        var produced = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft > 0 { ok = false }
                produced = outBuf.count - outLeft
            }
        }
        return ok ? Array(output[..<produced]) : nil
    }

    // MARK: - Plausibility

    /// Share of CJK characters that are common ones, penalised by private-use, control and
    /// replacement characters; 1 for text with no CJK and nothing odd.
    static func plausibility(_ scalars: [Unicode.Scalar]) -> Double {
        let common = CommonHan.table
        var cjk = 0
        var frequent = 0
        var odd = 0
        var sampled = 0
        for s in scalars {
            sampled += 1
            if sampled > 200_000 { break }
            let v = s.value
            if v >= 0x4E00 && v <= 0x9FFF || v >= 0x3400 && v <= 0x4DBF || v >= 0x20000 {
                cjk += 1
                if v < 0x10000 && common.contains(v) { frequent += 1 }
            } else if (0xE000...0xF8FF).contains(v) || v == 0xFFFD || (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D)
                || (0x80...0x9F).contains(v)
            {
                odd += 1
            }
        }
        guard sampled > 0 else { return 0 }
        let base = cjk == 0 ? 1.0 : Double(frequent) / Double(cjk)
        return base - 10 * Double(odd) / Double(sampled)
    }

    // MARK: - Error location

    static func located(_ bytes: [UInt8], at offset: Int, source: String, message: String, encoding: Encoding?)
        -> IngestError
    {
        var lineStart = 0
        var line = 1
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        // Column in characters: decode the line's prefix in the encoding that read furthest.
        let prefix = Array(bytes[lineStart..<offset])
        var column = prefix.count + 1
        if let encoding, case .success(let s) = iconvDecode(prefix, from: encoding.rawValue) {
            column = s.count + 1
        } else if case .success(let s) = decodeUTF8(prefix, from: 0) {
            column = s.count + 1
        }
        return IngestError(file: source, line: line, column: column, byteOffset: offset, message: message)
    }
}

/// The most frequent Han characters: GB2312 level 1 (3,755 simplified) and Big5's frequent
/// block (5,401 traditional), read out of the encodings themselves with iconv.
enum CommonHan {
    struct Table: Sendable {
        var bits: [UInt64]
        func contains(_ v: UInt32) -> Bool { v < 0x10000 && bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
    }

    static let table: Table = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        func add(_ bytes: [UInt8], _ encoding: String) {
            guard case .success(let scalars) = TextDecoding.iconvDecode(bytes, from: encoding) else { return }
            for s in scalars where s.value < 0x10000 { bits[Int(s.value >> 6)] |= 1 << UInt64(s.value & 63) }
        }
        var gb: [UInt8] = []
        for hi in UInt8(0xB0)...0xD7 {
            for lo in UInt8(0xA1)...0xFE where !(hi == 0xD7 && lo > 0xF9) { gb += [hi, lo] }
        }
        add(gb, "GB18030")
        var big5: [UInt8] = []
        for hi in UInt8(0xA4)...0xC6 {
            for lo in Array(UInt8(0x40)...0x7E) + Array(UInt8(0xA1)...0xFE) where !(hi == 0xC6 && lo > 0x7E) {
                big5 += [hi, lo]
            }
        }
        add(big5, "BIG5")
        return Table(bits: bits)
    }()
}
