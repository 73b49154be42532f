import ArgumentParser

/// `ptt`: track quantified commitments in Chinese policy texts.
@main
struct PTT: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ptt",
        abstract: "Track quantified commitments in Chinese policy texts.",
        subcommands: [
            Extract.self, IngestCommand.self, Deadlines.self, Compare.self, Targets.self, Show.self, Regions.self,
            Export.self, Report.self, DB.self,
        ]
    )
}
