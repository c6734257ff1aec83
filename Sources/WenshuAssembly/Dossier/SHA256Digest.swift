import CSHA
import Foundation

/// SHA-256 of exact bytes, as lower-case hex (the archive package's digests).
package enum SHA256Digest {
    package static func hex(of data: Data) -> String {
        let hasher = Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// A digest computed piece by piece, so a part of any size is hashed in bounded memory
    /// (libcrypto's EVP interface; the one-shot `SHA256_*` calls are deprecated in OpenSSL 3).
    package final class Hasher {
        private let context: OpaquePointer

        package init() {
            context = EVP_MD_CTX_new()
            EVP_DigestInit_ex(context, EVP_sha256(), nil)
        }

        deinit { EVP_MD_CTX_free(context) }

        package func update(_ data: Data) {
            data.withUnsafeBytes { raw in update(raw) }
        }

        package func update(_ raw: UnsafeRawBufferPointer) {
            guard let base = raw.baseAddress, raw.count > 0 else { return }
            EVP_DigestUpdate(context, base, raw.count)
        }

        /// The digest as lower-case hex; the hasher is spent afterwards.
        package func finalize() -> String {
            hexString(finalizeBytes())
        }

        /// The 32 bytes of the digest; the hasher is spent afterwards.
        package func finalizeBytes() -> [UInt8] {
            var digest = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, &digest, &length)
            return digest
        }
    }

    /// Bytes as lower-case hex.
    static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
