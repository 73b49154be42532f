extension SQLQuery.StringInterpolation {
    /// Splices another query, renumbering its `$n` parameters after the ones bound so far.
    /// The fragment's text must use `$` only for its parameters.
    mutating func appendInterpolation(fragment: SQLQuery) {
        let shift = bindings.count
        var out = ""
        var scalars = fragment.sql.unicodeScalars[...]
        while let c = scalars.popFirst() {
            guard c == "$", let first = scalars.first, ("0"..."9").contains(first) else {
                out.unicodeScalars.append(c)
                continue
            }
            var digits = ""
            while let d = scalars.first, ("0"..."9").contains(d) {
                digits.unicodeScalars.append(d)
                scalars.removeFirst()
            }
            out += "$" + String(Int(digits)! + shift)
        }
        appendLiteral(out)
        bindings += fragment.bindings
    }
}
