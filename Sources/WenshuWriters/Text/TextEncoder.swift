import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the laid-out text into bytes: UTF-8, or GB18030 through the C library's iconv for printer drivers
/// that expect the national encoding.
package enum TextEncoder {
    package static func encode(_ text: String, as encoding: TextEncoding) throws -> Data {
        switch encoding {
        case .utf8: return Data(text.utf8)
        case .gb18030: return try convert(Array(text.utf8), to: "GB18030")
        }
    }

    /// `encode(_:as:)` for text already gathered as UTF-8 bytes (valid UTF-8: they come from `String`s).
    package static func encode(utf8: [UInt8], as encoding: TextEncoding) throws -> Data {
        switch encoding {
        case .utf8: return Data(utf8)
        case .gb18030: return try convert(utf8, to: "GB18030")
        }
    }

    /// Converts UTF-8 with iconv; a character the target lacks is reported by name, not replaced.
    private static func convert(_ utf8: [UInt8], to target: String) throws -> Data {
        guard let descriptor = iconv_open(target, "UTF-8"), descriptor != iconv_t(bitPattern: -1) else {
            throw WriterError.encodingUnavailable(target)
        }
        defer { iconv_close(descriptor) }
        var input = utf8
        // Each UTF-8 byte becomes at most 4 GB18030 bytes.
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let (failedAt, written) = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> (Int?, Int) in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outLeft = outputBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                let failed = result == -1 ? inputBuffer.count - inLeft : nil
                return (failed, outputBuffer.count - outLeft)
            }
        }
        if let failedAt {
            let rest = String(decoding: input[failedAt...], as: UTF8.self)
            throw WriterError.unencodable(character: rest.unicodeScalars.first.map { String($0) } ?? "", encoding: target)
        }
        return Data(output[..<written])
    }
}
