/// Display width in a terminal: East Asian wide and full-width characters take two columns,
/// combining marks none.
func terminalWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + terminalWidth($1) }
}

func terminalWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    switch v {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x20000...0x3FFFD:
        return 2
    default: return 1
    }
}

/// `text` padded with spaces to `width` columns.
func padded(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - terminalWidth(text)))
}

/// Rows laid out in columns aligned by display width, two spaces apart, no trailing spaces.
func alignedTable(_ rows: [[String]], indent: String = "") -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { c in rows.map { c < $0.count ? terminalWidth($0[c]) : 0 }.max() ?? 0 }
    return rows.map { row in
        var line = indent
        for (c, cell) in row.enumerated() {
            line += c == row.count - 1 ? cell : padded(cell, to: widths[c]) + "  "
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}

/// Display width of UTF-8 text, as `terminalWidth(_: String)` counts it: ASCII one column a
/// byte, other scalars decoded and looked up in a table of the Basic Multilingual Plane.
func terminalWidth(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var width = 0
    var i = 0
    while i < bytes.count {
        let lead = bytes[i]
        if lead < 0x80 {
            width += 1
            i += 1
        } else if lead < 0xE0 {
            let v = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            width += Int(bmpWidths[Int(v)])
            i += 2
        } else if lead < 0xF0 {
            let v = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            width += Int(bmpWidths[Int(v)])
            i += 3
        } else {
            let v = UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            width += Unicode.Scalar(v).map(terminalWidth) ?? 1
            i += 4
        }
    }
    return width
}

/// `terminalWidth` of every scalar below U+10000 (surrogates, which are no scalars, 1).
private let bmpWidths: [UInt8] = (0..<0x1_0000).map { UInt8(Unicode.Scalar(UInt32($0)).map(terminalWidth) ?? 1) }
