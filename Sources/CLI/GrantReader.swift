import ArgumentParser
import Store

/// `ptt db grant-reader ROLE`: a role for analysts that can read every table and view, and
/// nothing else.
struct GrantReader: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant-reader",
        abstract: "Give ROLE SELECT on ptt's tables and views, and nothing else (creating ROLE if needed).")

    @Argument(help: "The role's name.")
    var role: String

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if role.isEmpty { throw ValidationError("the role name is empty") }
    }

    func run() throws {
        try database.reportingErrors {
            let created = try database.connect().grantReader(role: role)
            print(created ? "created role \(role) with SELECT only" : "granted SELECT only to \(role)")
        }
    }
}
