import Fluent
import PolkuCore
import SQLKit
import Vapor

/// An activity's sessions as an iCalendar feed, at an address with a secret in it so that calendar
/// programs can subscribe without signing in. The feed names the activity, its times and site: no people.
enum ActivityFeedController {
    @Sendable static func feed(req: Request) async throws -> Response {
        guard let file = req.parameters.get("token"), file.hasSuffix(".ics") else { throw Abort(.notFound) }
        let token = String(file.dropLast(4))
        guard token.count == 36, token.allSatisfy(\.isHexDigit),
            let a = try await Activity.query(on: req.db).filter(\.$feedToken == token).with(\.$site).first()
        else { throw Abort(.notFound) }
        let sessions = try await ActivitySession.query(on: req.db).filter(\.$activity.$id == a.id!).sort(\.$date).all()
        let host = "polku.activities"
        let events = sessions.compactMap { s -> ICalendar.Event? in
            guard let date = CalendarDate(parsing: s.date), let start = ClockTime(parsing: s.startTime), let end = ClockTime(parsing: s.endTime) else { return nil }
            return ICalendar.Event(
                uid: "\(s.id!.text.lowercased())@\(host)", date: date, start: start, end: end, summary: a.name,
                location: a.site?.name, description: a.description, cancelled: s.cancelled, sequence: s.version)
        }
        let res = Response(status: .ok, body: .init(string: ICalendar(name: a.name, events: events, stamp: ICalendar.stamp(req.now)).render()))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, max-age=300")
        return res
    }
}
