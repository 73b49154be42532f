/// The plan period a document's title names: `十四五`, or `2023-2025` for 行动方案（2023—2025年）.
public enum PlanPeriod {
    static let fiveYearPlans = ["十一五", "十二五", "十三五", "十四五", "十五五", "十六五"]
    static let dashes: Set<Character> = ["-", "—", "–", "～", "~", "至", "－"]

    /// The period named in `title`, nil when there is none.
    public static func of(title: String?) -> String? {
        guard let title else { return nil }
        // Compared as UTF-8 (Foundation's `contains` folds character clusters: slow).
        if let plan = fiveYearPlans.first(where: { title.utf8.firstRange(of: $0.utf8) != nil }) { return plan }
        // Two four-digit years joined by a dash: 2023—2025年, 2021-2025.
        let chars = Array(title)
        var i = 0
        while i + 9 <= chars.count {
            let first = chars[i..<i + 4]
            let second = chars[i + 5..<i + 9]
            if first.allSatisfy(\.isASCIIDigit), dashes.contains(chars[i + 4]), second.allSatisfy(\.isASCIIDigit),
                i == 0 || !chars[i - 1].isASCIIDigit
            {
                return String(first) + "-" + String(second)
            }
            i += 1
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
