import ArgumentParser

/// `ptt`: track quantified commitments in Chinese policy texts.
@main
struct PTT: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptt",
        abstract: "Track quantified commitments in Chinese policy texts.",
        subcommands: [
            Extract.self, IngestCommand.self, Deadlines.self, Progress.self, Compare.self, Targets.self, Show.self, Regions.self,
            Export.self, Report.self, DB.self,
        ]
    )

    /// argument-parser's `main`, except that a command's `--help` ends with its worked examples
    /// (`WorkedExamples`).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let help = HelpWithExamples.text(for: arguments) {
            print(help, terminator: "")
            return
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
