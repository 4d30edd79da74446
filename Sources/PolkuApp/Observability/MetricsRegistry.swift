import Metrics
import Prometheus
import Vapor

/// One Prometheus registry per process. swift-metrics can be bootstrapped only once, so the
/// executable does it at start; tests that do not bootstrap still get a registry to read.
public enum MetricsRegistry {
    public static let shared = PrometheusCollectorRegistry()

    public static func bootstrap() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: shared))
    }
}

extension Application {
    /// Reports the database pool's state as gauges each time `/metrics` is read.
    func emitMetrics() -> String {
        var buffer = [UInt8]()
        MetricsRegistry.shared.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
