import PolkuCore
import Testing

@Suite struct ClientAddressTests {
    let proxies: Set<String> = ["127.0.0.1", "::1"]

    @Test func theProxysOwnHopIsTheClient() {
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "198.51.100.7", trusted: proxies) == "198.51.100.7")
    }

    @Test func whatTheClientWroteLeftOfItIsNotBelieved() {
        // The client sent "X-Forwarded-For: 203.0.113.9"; nginx appended the address it saw.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "203.0.113.9, 198.51.100.7", trusted: proxies) == "198.51.100.7")
        // Two trusted proxies in a row are skipped.
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: "203.0.113.9, 198.51.100.7, ::1", trusted: proxies) == "198.51.100.7")
    }

    @Test func aConnectionNotFromAProxyIsItsOwnAddress() {
        #expect(ClientAddress.resolve(peer: "192.0.2.4", forwardedFor: "198.51.100.7", trusted: proxies) == "192.0.2.4")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: nil, trusted: proxies) == "127.0.0.1")
    }

    @Test func aUnixSocketIsReachedOnlyThroughTheProxy() {
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: "198.51.100.7", trusted: proxies) == "198.51.100.7")
        #expect(ClientAddress.resolve(peer: nil, forwardedFor: nil, trusted: proxies) == "unknown")
    }
}
