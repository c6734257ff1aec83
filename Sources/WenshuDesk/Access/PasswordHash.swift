import CDeskCrypto
import Foundation

/// The desk's access password as the profile stores it: `pbkdf2-sha256$ITERATIONS$SALT$HASH`, salt and hash
/// in lower-case hex (PBKDF2-HMAC-SHA256 from libcrypto, 16-byte salt, 32-byte hash).
package struct PasswordHash: Sendable, Equatable {
    package static let defaultIterations = 600_000
    package let iterations: Int
    package let salt: [UInt8]
    package let hash: [UInt8]

    /// Parses the stored form; nil when it is not one.
    package init?(stored: String) {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]), iterations >= 1000,
              let salt = Self.bytes(hex: parts[2]), salt.count == 16, let hash = Self.bytes(hex: parts[3]), hash.count == 32 else { return nil }
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// Hashes a new password with a fresh random salt.
    package init(password: String, iterations: Int = PasswordHash.defaultIterations) {
        self.iterations = iterations
        salt = Self.randomBytes(16)
        hash = Self.derive(password, salt: salt, iterations: iterations)
    }

    /// The stored form.
    package var stored: String { "pbkdf2-sha256$\(iterations)$\(Self.hex(salt))$\(Self.hex(hash))" }

    /// Whether `password` is the one hashed, compared in constant time.
    package func matches(_ password: String) -> Bool {
        let candidate = Self.derive(password, salt: salt, iterations: iterations)
        return zip(candidate, hash).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0 && candidate.count == hash.count
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let bytes = Array(password.utf8)
        _ = bytes.withUnsafeBufferPointer { p in
            PKCS5_PBKDF2_HMAC(p.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(bytes.count),
                              salt, Int32(salt.count), Int32(iterations), EVP_sha256(), 32, &out)
        }
        return out
    }

    /// Cryptographically random bytes (libcrypto's RAND_bytes).
    static func randomBytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        precondition(RAND_bytes(&out, Int32(count)) == 1, "libcrypto could not give random bytes")
        return out
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(hex: String) -> [UInt8]? {
        let chars = Array(hex.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        for i in stride(from: 0, to: chars.count, by: 2) {
            guard let byte = UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}
