import Foundation

/// The desk's sessions, in memory: a random id in an HttpOnly cookie, a CSRF token every form post must
/// carry, whether the access password was given, and an expiry that each use pushes back (idle limit) up to
/// an absolute one.
package final class Sessions: @unchecked Sendable {
    package struct Session: Sendable {
        package var id: String
        package var csrfToken: String
        package var signedIn: Bool
        var created: Date
        var lastUsed: Date
    }

    package let idleLimit: TimeInterval
    package let absoluteLimit: TimeInterval
    private var sessions: [String: Session] = [:]
    private let lock = NSLock()

    package init(idleLimit: TimeInterval = 2 * 3600, absoluteLimit: TimeInterval = 12 * 3600) {
        self.idleLimit = idleLimit
        self.absoluteLimit = absoluteLimit
    }

    /// The live session with this id (touched), or nil when there is none or it expired.
    package func session(_ id: String?, now: Date = Date()) -> Session? {
        guard let id else { return nil }
        return lock.withLock {
            guard var session = sessions[id] else { return nil }
            if now.timeIntervalSince(session.lastUsed) > idleLimit || now.timeIntervalSince(session.created) > absoluteLimit {
                sessions[id] = nil
                return nil
            }
            session.lastUsed = now
            sessions[id] = session
            return session
        }
    }

    /// A new session; `signedIn` when no password is needed or it was just given.
    package func start(signedIn: Bool, now: Date = Date()) -> Session {
        let session = Session(id: PasswordHash.hex(PasswordHash.randomBytes(32)), csrfToken: PasswordHash.hex(PasswordHash.randomBytes(32)),
                              signedIn: signedIn, created: now, lastUsed: now)
        lock.withLock {
            sessions = sessions.filter { now.timeIntervalSince($0.value.lastUsed) <= idleLimit }
            sessions[session.id] = session
        }
        return session
    }

    package func end(_ id: String) { lock.withLock { sessions[id] = nil } }
}
