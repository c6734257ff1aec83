import Foundation

/// The process's environment variables, read from the C library. Foundation's
/// `ProcessInfo.processInfo.environment` builds a dictionary of every variable on each call, 0.34–0.74 M
/// instructions here, and a one-case render asked five times for one variable each.
public enum ProcessEnvironment {
    /// The value of `name`, `nil` when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Every variable, for code that takes the environment as a dictionary (so that tests can pass their own).
    public static var all: [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let name = String(text[..<equals])
                if variables[name] == nil { variables[name] = String(text[text.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }

    /// This program's file, symbolic links resolved (`/proc/self/exe`); `nil` where there is no such link.
    /// (Foundation's `Bundle.main` lists the program's folder twice to build itself, 0.45 M instructions in
    /// `.build/release` and more in a full `bin/`.)
    public static let executableURL: URL? = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return URL(fileURLWithPath: String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }()
}
