import Foundation

/// The language Wenshu speaks to its user: messages, severity words, summaries.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case en, zh

    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and
    /// not empty decides; a value starting with `zh` is Chinese, anything else (or nothing) English. The
    /// variables are read as text: these machines have no Chinese locale installed for `setlocale` to find.
    public static func fromEnvironment(_ environment: [String: String] = ProcessEnvironment.all)
        -> MessageLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value.hasPrefix("zh") ? .zh : .en }
        }
        return .en
    }

    /// The language messages are rendered in when none is named: English until a program sets it (the
    /// command line does, once, before any work starts).
    public static var current: MessageLanguage {
        get { currentLock.withLock { currentValue } }
        set { currentLock.withLock { currentValue = newValue } }
    }

    private nonisolated(unsafe) static var currentValue = MessageLanguage.en
    private static let currentLock = NSLock()
}
