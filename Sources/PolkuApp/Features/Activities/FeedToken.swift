import Foundation
import Vapor

/// The unguessable part of an activity's calendar-feed address (144 random bits, URL-safe).
package enum FeedToken {
    package static func make() -> String {
        [UInt8].random(count: 18).map { String(format: "%02x", $0) }.joined()
    }
}
