import Foundation
import XCTest
import WenshuDiagnostics

final class ProcessEnvironmentTests: XCTestCase {
    /// The C library's view is Foundation's, for values with `=`, spaces, Chinese and nothing in them, and
    /// a variable set after the process started.
    func testReadsWhatFoundationReads() {
        setenv("WENSHU_TEST_ENV_EQUALS", "a=b=c", 1)
        setenv("WENSHU_TEST_ENV_TEXT", " 调解 员 ", 1)
        setenv("WENSHU_TEST_ENV_EMPTY", "", 1)
        defer { for name in ["WENSHU_TEST_ENV_EQUALS", "WENSHU_TEST_ENV_TEXT", "WENSHU_TEST_ENV_EMPTY"] { unsetenv(name) } }
        XCTAssertEqual(ProcessEnvironment.all, ProcessInfo.processInfo.environment)
        XCTAssertEqual(ProcessEnvironment.value("WENSHU_TEST_ENV_EQUALS"), "a=b=c")
        XCTAssertEqual(ProcessEnvironment.value("WENSHU_TEST_ENV_TEXT"), " 调解 员 ")
        XCTAssertEqual(ProcessEnvironment.value("WENSHU_TEST_ENV_EMPTY"), "")
        XCTAssertNil(ProcessEnvironment.value("WENSHU_TEST_ENV_NOT_SET"))
    }

    /// The program's own file, as Foundation's main bundle names it with its links resolved.
    func testExecutableIsTheMainBundlesProgram() throws {
        let expected = try XCTUnwrap(Bundle.main.executableURL).resolvingSymlinksInPath()
        XCTAssertEqual(ProcessEnvironment.executableURL?.path, expected.path)
    }
}
