import Fluent
import Foundation
import PolkuCore
import Vapor

/// The public directory: anyone, without logging in, finds services by words, category, area,
/// language and threshold, in plain language. Staff see the same with the provider's sector and when
/// the details were last checked.
enum DirectoryController {
    static func display(_ area: String) -> String { area.prefix(1).uppercased() + area.dropFirst() }

    @Sendable static func index(req: Request) async throws -> Response {
        let state = FormState.read(req.query, fields: DirectorySearch.fields)
        let model = try await DirectorySearch.query(state, actor: req.actor, providerOf: try await req.authz.providerOrganisations(), on: req.db)
        return DirectorySearch.page(model, context: req.pageContext).response()
    }

    @Sendable static func show(req: Request) async throws -> Response {
        guard let s = try await Service.query(on: req.db).filter(\.$id == (try req.id())).with(\.$organisation).first() else { throw Abort(.notFound) }
        let staff = req.actor != nil
        guard s.active || staff else { throw Abort(.notFound) }
        let canEdit = try await req.actor.asyncMap { $0.isAdmin ? true : try await req.authz.isProviderStaff($0, s.$organisation.id) } ?? false
        let model = try ServiceDetail(s, lang: req.lang.rawValue, staff: staff, canEdit: canEdit)
        return ServiceDetail.page(model, context: req.pageContext).response()
    }
}

/// Which sector a provider is in when it has not said: from the kind of organisation.
enum NetworkVocabulary {
    static func sector(of kind: Organisation.Kind) -> Sector {
        switch kind {
        case .municipality, .state: .publicSector
        case .foundation, .association: .thirdSector
        case .parish: .parish
        case .company: .company
        case .university: .education
        case .other: .thirdSector
        }
    }
}

extension Optional {
    func asyncMap<T>(_ f: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let v = self else { return nil }
        return try await f(v)
    }
}
