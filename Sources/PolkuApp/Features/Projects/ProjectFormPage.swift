import Fluent
import Foundation
import SQLKit
import Vapor

/// The form that creates a project (`project` nil) or edits one; a refused form keeps what was typed.
enum ProjectFormPage {
    struct Model {
        var form: ProjectForm
        var project: (id: UUID, name: String)?
        /// Top-level projects other than this one: a project sits under at most one level.
        var parents: [ProjectForm.Parent] = []
    }

    static func query(_ form: ProjectForm, project: (id: UUID, name: String)?, on db: any Database) async throws -> Model {
        let parents = try await db.sql.select().columns("id", "code", "name").from(Project.schema).where("parent_id", .is, SQLLiteral.null).orderBy("code")
            .all(decoding: ProjectForm.Parent.self)
        return Model(form: form, project: project, parents: parents.filter { $0.id != project?.id })
    }

    static func page(_ m: Model, context: PageContext, status: HTTPResponseStatus = .ok) -> Page {
        let t = context.t
        var crumbs = [(label: t("projects.title"), href: SiteURL.projects.relativeURL())]
        if let project = m.project { crumbs.append((project.name, SiteURL.project(.value(project.id)).relativeURL())) }
        return Page(context, title: m.project.map { t("project.edit", $0.name) } ?? t("projects.new"), breadcrumbs: crumbs, status: status) {
            m.form.render(context, action: m.project.map { SiteURL.project(.value($0.id)).relativeURL() } ?? SiteURL.projects.relativeURL(), parents: m.parents)
        }
    }
}
