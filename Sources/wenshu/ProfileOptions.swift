import ArgumentParser
import Foundation
import WenshuCase
import WenshuXML

/// `--profile FILE`: the office profile, by default `office.yaml` in the current folder when there is one.
struct ProfileOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The office profile: committees' seals, number series, holidays (the 30-day window), subsidy rates. Default: office.yaml in the current folder, if there is one.",
                               valueName: "file"))
    var profile: String?

    func validate() throws {
        if let profile, !FileManager.default.fileExists(atPath: profile) { throw ValidationError(CommandWording.noSuchProfile.render(in: .current, ["file": "\(profile)"])) }
    }

    /// The profile's path: the one given, else `office.yaml` here if it exists.
    var path: String? { profile ?? (FileManager.default.fileExists(atPath: "office.yaml") ? "office.yaml" : nil) }

    /// Loads the profile (none when there is none); a profile with errors prints them and stops the command.
    func load() throws -> OfficeProfile? {
        guard let path else { return nil }
        let (office, diagnostics) = OfficeProfile.load(URL(fileURLWithPath: path), displayName: path)
        diagnostics.filter { $0.severity == .error }.forEach(printError)
        guard let office, !diagnostics.hasErrors else { throw ExitCode(1) }
        return office
    }
}
