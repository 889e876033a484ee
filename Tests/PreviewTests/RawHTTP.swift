#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A tiny HTTP/1.1 client over a plain socket: it sends the request line exactly as given, so
/// tests can send what URL libraries would clean up (`/../`, `%2e%2e`, odd Host headers).
struct RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    /// Opens a connection and writes the request, off the cooperative pool; the caller reads
    /// from the returned socket.
    func open(_ method: String, _ target: String, host: String? = "127.0.0.1") async throws -> Int32 {
        try await Self.offPool { try blockingOpen(method, target, host: host) }
    }

    private func blockingOpen(_ method: String, _ target: String, host: String?) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = "\(method) \(target) HTTP/1.1\r\n"
        if let host { request += "Host: \(host)\r\n" }
        request += "Connection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        return fd
    }

    /// Blocking socket calls run on a thread of their own: on the cooperative pool (two
    /// threads on a 2-core machine) they would starve the server under test.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    func request(_ method: String, _ target: String, host: String? = "127.0.0.1") async throws -> Response {
        try await Self.offPool { try blockingRequest(method, target, host: host) }
    }

    private func blockingRequest(_ method: String, _ target: String, host: String?) throws -> Response {
        let fd = try blockingOpen(method, target, host: host)
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// Reads from `fd` until `marker` appears or `seconds` pass; returns what arrived.
    static func read(_ fd: Int32, until marker: String, seconds: Double) async -> String {
        (try? await offPool { blockingRead(fd, until: marker, seconds: seconds) }) ?? ""
    }

    private static func blockingRead(_ fd: Int32, until marker: String, seconds: Double) -> String {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(seconds)
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while Date() < deadline, !text.contains(marker) {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 { text += String(decoding: buffer[0..<count], as: UTF8.self) } else if count == 0 { break }
        }
        return text
    }

    static func parse(_ text: String) -> Response {
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
