/// The client's address behind reverse proxies (issue 19). `X-Forwarded-For` is believed only from a
/// trusted proxy, and read from the right: each proxy appends the address it saw, so the rightmost
/// hop that is not a trusted proxy is the client; anything left of it was written by the client and
/// may be forged (a login throttle keyed on it would be evaded by a new made-up address per try).
public enum ClientAddress {
    /// - Parameters:
    ///   - peer: the connection's address; nil for a unix socket, which only the proxy can reach.
    ///   - forwardedFor: every `X-Forwarded-For` value, joined with commas.
    ///   - trusted: the proxies' addresses.
    public static func resolve(peer: String?, forwardedFor: String?, trusted: Set<String>) -> String {
        let direct = peer ?? "unknown"
        if let peer, !trusted.contains(peer) { return direct }
        guard let forwardedFor else { return direct }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let client = hops.last(where: { !trusted.contains($0) }) ?? hops.first else { return direct }
        return String(client.prefix(64))
    }
}
