/// Which `Host` headers the preview answers. A page on another site that resolves its own
/// name to 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused.
struct HostPolicy: Sendable {
    /// Lowercased host names and addresses, without ports.
    let allowed: Set<String>

    init(bindHost: String, extraHosts: [String] = []) {
        var hosts: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]
        hosts.insert(bindHost.lowercased())
        for host in extraHosts { hosts.insert(host.lowercased()) }
        allowed = hosts
    }

    func allows(_ hostHeader: String?) -> Bool {
        guard let header = hostHeader?.lowercased(), !header.isEmpty else { return false }
        let host: String
        if header.hasPrefix("[") {
            host = String(header.prefix { $0 != "]" }) + "]"
        } else if let colon = header.lastIndex(of: ":") {
            host = String(header[..<colon])
        } else {
            host = header
        }
        return allowed.contains(host) || allowed.contains(host.trimmingCharacters(in: ["[", "]"]))
    }
}
