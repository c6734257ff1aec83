import Foundation
import WenshuXML
@testable import WenshuCase

/// Where the repository's own files are (examples/, the twins), found from this source file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// The example office profile, loaded once.
    static let officeProfile: OfficeProfile = {
        let (profile, diagnostics) = OfficeProfile.load(url("examples/office.yaml"))
        guard let profile else { fatalError("examples/office.yaml does not load: \(diagnostics)") }
        return profile
    }()
}

enum Resources {
    static func url(_ folder: String, _ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent(folder).appendingPathComponent(name)
    }
}

/// Loads text as a file of `kind` (YAML unless told otherwise), failing the test on a load error.
func load(_ text: String, format: SourceFormat = .yaml, kind: FileKind = .caseFile,
          name: String = "t.yaml") throws -> CaseFile {
    do {
        return try CaseLoader.load(Data(text.utf8), name: name, format: format, kind: kind)
    } catch {
        throw error
    }
}

/// The ids of the findings, in order.
func ids(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.id) }

/// A small clean case in YAML, for tests that change one thing.
let cleanCase = """
number: （2026）西交调字第90号
committee:
  name: 杭州市西湖区道路交通事故人民调解委员会
type: 道路交通事故
received: 2026-04-01
accepted: 2026-04-02
parties:
  - id: p1
    role: 申请人
    kind: person
    name: 张伟
    gender: 男
    id_number: 330106197803121239
    phone: 13805712345
  - id: p2
    role: 被申请人
    kind: person
    name: 刘芳
    gender: 女
    id_number: 330106198207152463
    phone: 0571-88123456

"""
