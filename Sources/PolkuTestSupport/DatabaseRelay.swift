import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A TCP relay between Polku and PostgreSQL that a test can cut, as if the database had stopped and
/// come back (issue 13): `cut()` closes every relayed connection and refuses new ones until `restore()`.
public final class DatabaseRelay: Sendable {
    private let listener: any Channel
    private let target: SocketAddress
    private let state = NIOLockedValueBox<(up: Bool, open: [any Channel])>((true, []))

    /// The port Polku should connect to.
    public var port: Int { listener.localAddress?.port ?? 0 }

    private init(listener: any Channel, target: SocketAddress) {
        self.listener = listener
        self.target = target
    }

    public static func start(to host: String, port: Int) async throws -> DatabaseRelay {
        let target = try SocketAddress.makeAddressResolvingHost(host, port: port)
        let relay = NIOLockedValueBox<DatabaseRelay?>(nil)
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                guard let relay = relay.withLockedValue({ $0 }) else { return inbound.close() }
                return relay.accept(inbound)
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let made = DatabaseRelay(listener: listener, target: target)
        relay.withLockedValue { $0 = made }
        return made
    }

    /// The database "stops": open connections drop, new ones are closed as soon as they arrive.
    public func cut() {
        let open = state.withLockedValue { s in
            s.up = false
            defer { s.open = [] }
            return s.open
        }
        for channel in open { channel.close(promise: nil) }
    }

    /// The database is back.
    public func restore() { state.withLockedValue { $0.up = true } }

    public func stop() async {
        cut()
        try? await listener.close()
    }

    private func accept(_ inbound: any Channel) -> EventLoopFuture<Void> {
        guard state.withLockedValue({ $0.up }) else { return inbound.close() }
        inbound.setOption(.autoRead, value: false).whenComplete { _ in }
        return ClientBootstrap(group: inbound.eventLoop).connect(to: target).flatMap { outbound in
            self.state.withLockedValue { $0.open += [inbound, outbound] }
            let (a, b) = Glue.pair()
            return inbound.eventLoop.makeCompletedFuture {
                try inbound.pipeline.syncOperations.addHandler(a)
                try outbound.pipeline.syncOperations.addHandler(b)
            }.flatMap { inbound.setOption(.autoRead, value: true) }
        }
    }
}

/// Passes bytes between two channels on one event loop and closes each when the other closes.
private final class Glue: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private var partner: Glue?
    private var context: ChannelHandlerContext?

    static func pair() -> (Glue, Glue) {
        let a = Glue(), b = Glue()
        a.partner = b
        b.partner = a
        return (a, b)
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) { partner?.context?.write(data, promise: nil) }

    func channelReadComplete(context: ChannelHandlerContext) { partner?.context?.flush() }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.context?.close(promise: nil)
        context.fireChannelInactive()
    }
}
