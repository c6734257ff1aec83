import ArgumentParser
import Foundation
import WenshuCase
import WenshuDiagnostics
import WenshuXML

/// `--profile FILE`: the office profile, found as every command finds it (`InputFiles.profile`): the file
/// given, else an `office.*` among the inputs, else `office.yaml` in the current folder when there is one.
package struct ProfileOptions: ParsableArguments {
    @Option(help: help("The office profile: committees' seals, number series, holidays (the 30-day window), subsidy rates. Default: office.yaml in the current folder, if there is one.",
                       zh: "本单位配置文件：各调委会的印章、编号规则、节假日（计算30日期限用）、以案定补标准。默认：当前文件夹中的office.yaml（如有）。",
                       valueName: "file"))
    package var profile: String?

    package init() {}

    package func validate() throws {
        if let profile, !FileManager.default.fileExists(atPath: profile) { throw ValidationError(CommandWording.noSuchProfile.render(in: .current, ["file": "\(profile)"])) }
    }

    /// Loads the profile (none when there is none); a profile with errors prints them and stops the command.
    package func load(among files: [URL] = []) throws -> OfficeProfile? {
        guard let url = InputFiles.profile(given: profile, among: files) else { return nil }
        let (office, diagnostics) = OfficeProfile.load(url, displayName: url.relativePath)
        diagnostics.filter { $0.severity == .error }.forEach(printError)
        guard let office, !diagnostics.hasErrors else { throw ExitCode(1) }
        return office
    }
}
