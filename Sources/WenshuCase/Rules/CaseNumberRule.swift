import WenshuXML

/// The case number names the folder its documents go to (`CaseFolderName`): one longer than a file system
/// takes is an error here, so `check` refuses what `render` would. Id: `folder-name-too-long`.
enum CaseNumberRule {
    static let rule: CaseRule = { context in
        guard let number = context.root.element(named: "number") else { return }
        if let problem = CaseFolderName.problem(number.stringValue, at: context.file.location(of: number)) {
            context.report(.folderNameTooLong, at: number, problem.arguments)
        }
    }
}
