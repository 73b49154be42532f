import ArgumentParser

/// A command whose `--help` ends with worked examples, after the options (argument-parser puts a
/// command's discussion before them, where a reader looking for what to type has not yet read
/// what the options mean).
protocol WorkedExamples: ParsableCommand {
    /// Terminal transcripts, indented two spaces, each command line starting with `$ ptt`.
    static var examples: String { get }
}

enum HelpWithExamples {
    /// The help `arguments` ask for (`ptt X --help`, `ptt X -h`, `ptt help X`) with its command's
    /// examples at the end; nil when they ask for something else, or for a command without
    /// examples (argument-parser then answers as usual).
    static func text(for arguments: [String]) -> String? {
        var words = arguments[...]
        var wantsHelp = false
        if words.first == "help" {
            wantsHelp = true
            words = words.dropFirst()
        }
        for word in words {
            if word == "--" { break }
            if word == "-h" || word == "--help" { wantsHelp = true }
        }
        guard wantsHelp else { return nil }
        var command: ParsableCommand.Type = PTT.self
        for word in words where !word.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            command = sub
        }
        guard let withExamples = command as? WorkedExamples.Type else { return nil }
        var help = PTT.helpMessage(for: command)
        while help.last == "\n" { help.removeLast() }
        return help + "\n\nEXAMPLES:\n" + withExamples.examples.trimmingTrailingNewlines + "\n"
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }
}
