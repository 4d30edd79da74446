import PolkuApp
import Foundation

/// Runs a measured step n times after two warm-up runs and formats median and p95, the way every
/// benchmark line reads.
enum BenchTiming {
    static func line(_ label: String, _ n: Int, width: Int = 44, _ body: () async throws -> Void) async throws -> String {
        var times: [Double] = []
        for _ in 0..<(n + 2) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try await body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
        }
        let m = times.dropFirst(2).sorted()
        return
            "\(label.padding(toLength: width, withPad: " ", startingAt: 0)) median \(String(format: "%7.2f", m[m.count / 2])) ms   p95 \(String(format: "%7.2f", m[Int(Double(m.count - 1) * 0.95)])) ms   (n=\(m.count))"
    }
}
