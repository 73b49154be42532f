import ArgumentParser

/// `ptt`: track quantified commitments in Chinese policy texts.
@main
struct PTT: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptt",
        abstract: "Track quantified commitments in Chinese policy texts.",
        subcommands: [Extract.self, IngestCommand.self, Deadlines.self, DB.self]
    )
}
