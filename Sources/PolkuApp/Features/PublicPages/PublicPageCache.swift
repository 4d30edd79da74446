import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Rendered public project pages, per project code and language, for visitors who are not signed
/// in (a signed-in visitor's page carries their name in the header). A page is served from memory
/// for `ttl`; after that the first request rebuilds it while the others are still served the page
/// they had, so a public page under load reads the database once every `ttl` per process.
///
/// Bounds: a change made in this process (publishing, taking down, the financing plan) empties the
/// project's pages at once; another process shows it within `ttl`. Figures are as old as
/// `PublicFigures.maxAge` at most, plus `ttl`.
final class PublicPageCache: Sendable {
    static let ttl: TimeInterval = 30

    struct Entry: Sendable {
        let body: ByteBuffer
        let builtAt: Date
        var refreshing = false
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// Figures being computed, per project: one computation however many requests ask.
    private let computing = NIOLockedValueBox<[UUID: Task<PublicFigures, any Error>]>([:])

    enum Lookup { case fresh(ByteBuffer), stale(ByteBuffer), missing }

    /// The page if there is one; a stale page is handed to one caller to rebuild (`.missing`) and
    /// served as it is to everyone else meanwhile.
    func lookup(_ key: String, now: Date) -> Lookup {
        entries.withLockedValue { all in
            guard var e = all[key] else { return .missing }
            if now.timeIntervalSince(e.builtAt) < Self.ttl { return .fresh(e.body) }
            if e.refreshing { return .stale(e.body) }
            e.refreshing = true
            all[key] = e
            return .missing
        }
    }

    func store(_ key: String, _ body: ByteBuffer, now: Date) {
        entries.withLockedValue { $0[key] = Entry(body: body, builtAt: now) }
    }

    /// Lets the next request rebuild `key` (a rebuild that failed).
    func release(_ key: String) {
        entries.withLockedValue { all in all[key]?.refreshing = false }
    }

    func forget(code: String) {
        entries.withLockedValue { all in all = all.filter { !$0.key.hasPrefix(code + "|") } }
    }

    /// Runs `compute` for `project` unless a computation for it is under way, whose result is shared.
    func figures(_ project: UUID, _ compute: @escaping @Sendable () async throws -> PublicFigures) async throws -> PublicFigures {
        let task = computing.withLockedValue { running -> Task<PublicFigures, any Error> in
            if let t = running[project] { return t }
            let t = Task { try await compute() }
            running[project] = t
            return t
        }
        defer { computing.withLockedValue { running in if running[project] == task { running[project] = nil } } }
        return try await task.value
    }
}

extension Application {
    private struct PublicPageCacheKey: StorageKey { typealias Value = PublicPageCache }

    var publicPages: PublicPageCache {
        if let cache = storage[PublicPageCacheKey.self] { return cache }
        let cache = PublicPageCache()
        storage[PublicPageCacheKey.self] = cache
        return cache
    }
}
