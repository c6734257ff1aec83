import CSHA
import Foundation

/// SHA-256 of exact bytes, as lower-case hex: the archive package's digests, the digests of what a run
/// wrote (`.wenshu-manifest`) and the start-up cache's keys.
///
/// libcrypto's one-call `SHA256_*` functions, not its EVP interface: the first EVP digest of a process
/// loads OpenSSL 3's configuration and providers (5.5 M instructions, paid by every one-case command) and
/// each later one looks the algorithm up again; the `SHA256_*` functions run the same code (SHA extensions
/// where the processor has them) with neither. OpenSSL 3 marks them deprecated; `CSHA`'s header keeps them.
package enum SHA256Digest {
    package static func hex(of data: Data) -> String {
        let hasher = Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// A digest computed piece by piece, so a part of any size is hashed in bounded memory.
    package final class Hasher {
        private var context = SHA256_CTX()

        package init() {
            SHA256_Init(&context)
        }

        package func update(_ data: Data) {
            data.withUnsafeBytes { raw in update(raw) }
        }

        package func update(_ raw: UnsafeRawBufferPointer) {
            guard let base = raw.baseAddress, raw.count > 0 else { return }
            SHA256_Update(&context, base, raw.count)
        }

        /// The digest as lower-case hex; the hasher is spent afterwards.
        package func finalize() -> String {
            hexString(finalizeBytes())
        }

        /// The 32 bytes of the digest; the hasher is spent afterwards.
        package func finalizeBytes() -> [UInt8] {
            var digest = [UInt8](repeating: 0, count: 32)
            SHA256_Final(&digest, &context)
            return digest
        }
    }

    /// Bytes as lower-case hex.
    package static func hexString(_ bytes: [UInt8]) -> String {
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
