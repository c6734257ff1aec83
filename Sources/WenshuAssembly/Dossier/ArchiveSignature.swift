import CSHA
import Foundation
import WenshuCase
import WenshuDiagnostics

/// The office's Ed25519 signature over a package digest, as the package records it: which key signed
/// (`keyID`, the SHA-256 of the raw 32-byte public key, in hex) and the 64-byte signature.
///
/// The signed message is the UTF-8 text `urn:wenshu:archive:1 <package digest in hex>`: the digest already
/// covers every part's name and bytes, so whoever changes a part, even with fresh digests, breaks the
/// signature. The key itself never enters a package.
package struct ArchiveSignature: Sendable, Equatable {
    package static let algorithm = "Ed25519"
    package var keyID: String
    package var value: Data

    static func message(packageDigest: String) -> Data {
        Data("\(ArchivePackage.namespace) \(packageDigest)".utf8)
    }

    static func isKeyID(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

/// Why a key could not be made, read or used.
public enum ArchiveKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAKey(file: String, expected: String)
    case cryptoFailed(String)

    /// The error in the catalogue's words, in either language.
    public var message: DiagnosticArgument {
        switch self {
        case .notAKey(let file, let expected):
            let kind = expected == ArchiveWording.privateKeyKind.english ? ArchiveWording.privateKeyKind
                : expected == ArchiveWording.publicKeyKind.english ? ArchiveWording.publicKeyKind : nil
            return .phrase(ArchiveWording.notAKey, ["file": "\(file)", "expected": kind.map { .phrase($0) } ?? "\(expected)"])
        case .cryptoFailed(let what): return .phrase(ArchiveWording.cryptoFailed, ["what": "\(what)"])
        }
    }

    public var description: String { message.render(in: .en) }
}

/// An Ed25519 key held by libcrypto (`EVP_PKEY`), freed with its owner.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EVP_PKEY_free(pointer) }

    var rawPublicKey: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 32)
        var length = 32
        EVP_PKEY_get_raw_public_key(pointer, &bytes, &length)
        return Array(bytes.prefix(length))
    }

    var keyID: String { SHA256Digest.hex(of: Data(rawPublicKey)) }

    /// Reads one PEM key with `read` (private or public); `nil` if it is not an Ed25519 key.
    static func fromPEM(_ pem: Data, private isPrivate: Bool) -> EVPKey? {
        pem.withUnsafeBytes { raw -> EVPKey? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            let key = isPrivate ? PEM_read_bio_PrivateKey(bio, nil, nil, nil) : PEM_read_bio_PUBKEY(bio, nil, nil, nil)
            guard let key else { ERR_clear_error(); return nil }
            let owned = EVPKey(key)
            return EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519 ? owned : nil
        }
    }

    /// The key as PEM text: PKCS #8 for the private key, SubjectPublicKeyInfo for the public one.
    func pem(private isPrivate: Bool) throws -> Data {
        guard let bio = BIO_new(BIO_s_mem()) else { throw ArchiveKeyError.cryptoFailed("allocate a buffer") }
        defer { BIO_free(bio) }
        let status = isPrivate ? PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil) : PEM_write_bio_PUBKEY(bio, pointer)
        guard status == 1 else { throw ArchiveKeyError.cryptoFailed("write the key as PEM") }
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = BIO_read(bio, &chunk, Int32(chunk.count))
            if got <= 0 { break }
            out.append(contentsOf: chunk[0..<Int(got)])
        }
        return out
    }
}

/// The office's private key: signs packages. Made by `wenshu keygen`, kept by the office, never packaged.
public struct ArchiveSigningKey: Sendable {
    let key: EVPKey

    /// A new random Ed25519 key.
    public static func generate() throws -> ArchiveSigningKey {
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else { throw ArchiveKeyError.cryptoFailed("make a key") }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_keygen(context, &key) == 1, let key else {
            throw ArchiveKeyError.cryptoFailed("make a key")
        }
        return ArchiveSigningKey(key: EVPKey(key))
    }

    /// Reads a private key file (PEM, PKCS #8) as `wenshu keygen` writes it.
    public init(pem: Data, file: String) throws {
        guard let key = EVPKey.fromPEM(pem, private: true) else {
            throw ArchiveKeyError.notAKey(file: file, expected: ArchiveWording.privateKeyKind.english)
        }
        self.key = key
    }

    /// Reads a private key file.
    public init(contentsOf url: URL) throws {
        try self.init(pem: try EVPKey.readPEM(at: url), file: url.path)
    }

    init(key: EVPKey) { self.key = key }

    public var privatePEM: Data { get throws { try key.pem(private: true) } }
    public var publicKey: ArchivePublicKey { ArchivePublicKey(key: key) }

    /// The signature over a package digest.
    package func sign(packageDigest: String) throws -> ArchiveSignature {
        let message = ArchiveSignature.message(packageDigest: packageDigest)
        guard let context = EVP_MD_CTX_new() else { throw ArchiveKeyError.cryptoFailed("sign") }
        defer { EVP_MD_CTX_free(context) }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        let status = message.withUnsafeBytes { raw -> Int32 in
            guard EVP_DigestSignInit(context, nil, nil, nil, key.pointer) == 1 else { return 0 }
            return EVP_DigestSign(context, &signature, &length, raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
        }
        guard status == 1 else { throw ArchiveKeyError.cryptoFailed("sign") }
        return ArchiveSignature(keyID: key.keyID, value: Data(signature.prefix(length)))
    }
}

/// An office's public key: what `verify --trust` checks a signature against.
public struct ArchivePublicKey: Sendable {
    let key: EVPKey

    /// Reads a public key file (PEM) as `wenshu keygen` writes it.
    public init(pem: Data, file: String) throws {
        guard let key = EVPKey.fromPEM(pem, private: false) else {
            throw ArchiveKeyError.notAKey(file: file, expected: ArchiveWording.publicKeyKind.english)
        }
        self.key = key
    }

    /// Reads a public key file.
    public init(contentsOf url: URL) throws {
        try self.init(pem: try EVPKey.readPEM(at: url), file: url.path)
    }

    init(key: EVPKey) { self.key = key }

    public var pem: Data { get throws { try key.pem(private: false) } }
    /// SHA-256 of the raw public key, in hex: how a package names the key that signed it.
    public var keyID: String { key.keyID }

    /// Whether `signature` is this key's over `packageDigest`.
    package func verify(_ signature: ArchiveSignature, packageDigest: String) -> Bool {
        guard signature.keyID == keyID, signature.value.count == 64 else { return false }
        let message = ArchiveSignature.message(packageDigest: packageDigest)
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        let status = message.withUnsafeBytes { raw in
            signature.value.withUnsafeBytes { sig -> Int32 in
                guard EVP_DigestVerifyInit(context, nil, nil, nil, key.pointer) == 1 else { return 0 }
                return EVP_DigestVerify(context, sig.bindMemory(to: UInt8.self).baseAddress, sig.count,
                                        raw.bindMemory(to: UInt8.self).baseAddress, raw.count)
            }
        }
        ERR_clear_error()
        return status == 1
    }
}

extension ArchiveSigningKey {
    /// Makes a key pair and writes `<stem>.pem` (the private key, readable by its owner only) and
    /// `<stem>.pub.pem` (the public key, for whoever verifies); refuses to overwrite either.
    /// - Returns: the two files and the public key's id.
    public static func generateFiles(stem: URL) throws -> (privateKey: URL, publicKey: URL, keyID: String) {
        let privateURL = URL(fileURLWithPath: stem.path + ".pem"), publicURL = URL(fileURLWithPath: stem.path + ".pub.pem")
        for url in [privateURL, publicURL] where FileManager.default.fileExists(atPath: url.path) {
            throw ArchivePackageError.cannotWrite(path: url.path, reason: "a file is already there; keys are never overwritten")
        }
        let key = try generate()
        try write(try key.privatePEM, to: privateURL, mode: 0o600)
        try write(try key.publicKey.pem, to: publicURL, mode: 0o644)
        return (privateURL, publicURL, key.publicKey.keyID)
    }

    private static func write(_ data: Data, to url: URL, mode: mode_t) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw ArchivePackageError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { throw ArchivePackageError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
    }
}

extension EVPKey {
    /// The bytes of a key file, or the error naming it.
    static func readPEM(at url: URL) throws -> Data {
        guard let pem = FileManager.default.contents(atPath: url.path) else {
            throw ArchivePackageError.cannotRead(path: url.path, reason: "no such file, or not readable")
        }
        return pem
    }
}
