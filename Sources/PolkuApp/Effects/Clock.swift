import Foundation
import NIOConcurrencyHelpers
import PolkuCore
import Vapor

/// The one place the application asks what time it is, so a test can fix the time and check what a
/// user would see on that day (a phase change dated tomorrow refused, a form's date filled in).
package struct Clock: Sendable {
    package let now: @Sendable () -> Date

    package static let system = Clock { Date() }

    /// Always `date`.
    static func fixed(_ date: Date) -> Clock { Clock { date } }

    /// Today in Finland at `now()`.
    package var today: CalendarDate { CalendarDate.inFinland(now()) }
}

/// Where new ids come from: time-ordered in use (indexes stay compact), counted in tests so that
/// the ids a test sees are the same on every run.
package struct IDGenerator: Sendable {
    let make: @Sendable (Date) -> UUID
    /// `count` ids at once: a list view's events, one per person shown.
    let makeMany: @Sendable (Date, Int) -> [UUID]

    init(make: @escaping @Sendable (Date) -> UUID, makeMany: (@Sendable (Date, Int) -> [UUID])? = nil) {
        self.make = make
        self.makeMany = makeMany ?? { date, count in (0..<count).map { _ in make(date) } }
    }

    static let timeOrdered = IDGenerator(make: { UUID.timeOrdered(at: $0) }, makeMany: { UUID.timeOrdered(count: $1, at: $0) })

    /// 00000000-0000-4000-8000-000000000001, …02, … in the order they are asked for.
    static func counting() -> IDGenerator {
        let next = NIOLockedValueBox<UInt64>(0)
        return IDGenerator(make: { _ in
            let n = next.withLockedValue {
                $0 += 1; return $0
            }
            return UUID(text: String(format: "00000000-0000-4000-8000-%012llX", n))!
        })
    }
}

extension Application {
    private struct ClockKey: StorageKey { typealias Value = Clock }
    private struct IDGeneratorKey: StorageKey { typealias Value = IDGenerator }

    package var clock: Clock {
        get { storage[ClockKey.self] ?? .system }
        set { storage[ClockKey.self] = newValue }
    }

    var ids: IDGenerator {
        get { storage[IDGeneratorKey.self] ?? .timeOrdered }
        set { storage[IDGeneratorKey.self] = newValue }
    }

    /// A new id, from the application's generator at the application's time.
    package func newID() -> UUID { ids.make(clock.now()) }
}

extension Request {
    /// The application's time (`Application.clock`).
    var now: Date { application.clock.now() }
    /// Today in Finland by the application's clock.
    var today: CalendarDate { application.clock.today }
    /// A new id from the application's generator.
    func newID() -> UUID { application.newID() }
}
