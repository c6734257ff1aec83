import Foundation
import HTTPTypes
import Hummingbird
import Logging
#if canImport(Glibc)
import Glibc
#endif
@testable import WenshuDesk

/// The desk running for real on a free loopback port, and a plain HTTP/1.1 client over a socket: no
/// redirects followed, no cookies kept, every byte as the server sent it. (HummingbirdTesting would pull
/// AsyncHTTPClient and BoringSSL into every clean build; this is all the tests need.)
struct LiveClient: Sendable {
    let port: Int

    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    enum Failure: Error { case socket(String), malformed(String) }

    func execute<T>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                    _ check: (Reply) throws -> T) async throws -> T {
        try check(try send(uri: uri, method: method, headers: headers, body: body.map { Array($0.readableBytesView) } ?? []))
    }

    func send(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: [UInt8]) throws -> Reply {
        var head = "\(method.rawValue) \(uri) HTTP/1.1\r\n"
        if headers[HTTPField.Name("Host")!] == nil { head += "Host: 127.0.0.1:\(port)\r\n" }
        for field in headers { head += "\(field.name.rawName): \(field.value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure.socket("socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure.socket("connect") }
        let request = Array(head.utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure.socket("write") }
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { throw Failure.socket("read") }
            if n == 0 { break }
            response += buffer[..<n]
        }
        return try LiveClient.parse(response)
    }

    static func parse(_ bytes: [UInt8]) throws -> Reply {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else {
            throw Failure.malformed("no end of head")
        }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let code = Int(statusParts[1]) else { throw Failure.malformed(lines[0]) }
        var headers = HTTPFields()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), let name = HTTPField.Name(String(line[..<colon])) else { continue }
            headers.append(HTTPField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        var body = Array(bytes[(end + 4)...])
        if headers[.transferEncoding]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Reply(status: HTTPResponse.Status(code: code), headers: headers, body: ByteBuffer(bytes: body))
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let lineEnd = (i..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }),
                  let size = Int(String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";")[0], radix: 16) else {
                throw Failure.malformed("chunk")
            }
            if size == 0 { break }
            out += bytes[(lineEnd + 2)..<(lineEnd + 2 + size)]
            i = lineEnd + 2 + size + 2
        }
        return out
    }
}

/// Runs `body` against the desk served on a free port, then stops it.
func withLiveDesk(_ server: DeskServer, _ body: (LiveClient) async throws -> Void) async throws {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    // Stopping by cancellation is logged as an error by the server; the tests need none of it.
    let app = server.application(logLevel: .critical) { port in continuation.yield(port) }
    let task = Task { try await app.runService() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw LiveClient.Failure.socket("the desk did not start") }
    do {
        try await body(LiveClient(port: port))
    } catch {
        task.cancel()
        _ = await task.result
        throw error
    }
    task.cancel()
    _ = await task.result
}
