/// What kind of quantity a unit measures; targets are only compared within one family.
public enum UnitFamily: String, Sendable, Hashable, CaseIterable {
    case money, percent, count, area, length, mass, energy, ratio
    /// A unit ptt does not classify.
    case mixed
    /// No unit: multiples (翻一番) and milestones.
    case none

    /// Unit endings and their family, checked in order (平方公里 is an area before 公里 a length).
    static let endings: [(String, UnitFamily)] = [
        ("个百分点", .percent), ("%", .percent), ("‰", .percent), ("元", .money), ("美元", .money),
        ("平方公里", .area), ("平方千米", .area), ("平方米", .area), ("公顷", .area), ("亩", .area),
        ("千瓦时", .energy), ("千瓦", .energy), ("瓦", .energy), ("吨标准煤", .energy), ("度", .energy),
        ("公里", .length), ("千米", .length), ("米", .length),
        ("吨", .mass), ("斤", .mass), ("倍", .ratio),
        ("家", .count), ("个", .count), ("项", .count), ("名", .count), ("人", .count), ("户", .count),
        ("件", .count), ("套", .count), ("条", .count), ("座", .count), ("所", .count), ("次", .count),
        ("台", .count), ("辆", .count), ("张", .count), ("处", .count), ("批", .count), ("位", .count),
        ("床", .count), ("栋", .count), ("只", .count), ("头", .count), ("种", .count), ("本", .count),
    ]

    /// The family of `unit` as written (亿元 → money, 个百分点 → percent); `.none` for no unit.
    public init(unit: String?) {
        guard let unit, !unit.isEmpty else {
            self = .none
            return
        }
        self = UnitFamily.endings.first { unit.hasSuffix($0.0) }?.1 ?? .mixed
    }
}
