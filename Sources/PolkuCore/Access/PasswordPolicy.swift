import Foundation

/// What a new password must be (NIST SP 800-63B 3.1.1.2): long enough, not too long for bcrypt,
/// not on a list of common passwords, not made of one or two characters repeated or of a run of
/// the keyboard, and not the person's own e-mail or name. No rules about character classes.
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// bcrypt reads 72 bytes; a longer password would be cut silently.
    public static let maximumBytes = 72

    public enum Problem: String, Sendable {
        case tooShort = "error.password_short"
        case tooLong = "error.password_long"
        case common = "password.common"
        case personal = "password.personal"
    }

    public static func problem(_ password: String, email: String = "", name: String = "") -> Problem? {
        if password.count < minimumLength { return .tooShort }
        if password.utf8.count > maximumBytes { return .tooLong }
        let lower = password.lowercased()
        if CommonPasswords.all.contains(lower) || Set(lower).count < 4 { return .common }
        let compact = lower.filter { $0.isLetter || $0.isNumber }
        let local = String(email.lowercased().split(separator: "@").first ?? "").filter { $0.isLetter || $0.isNumber }
        let fullName = name.lowercased().filter { $0.isLetter || $0.isNumber }
        for personal in [email.lowercased(), local, fullName] where personal.count >= 4 {
            if lower == personal || compact == personal { return .personal }
            // The personal word with a little around it ("aino.virtanen1!") is the same password.
            if compact.contains(personal) && compact.count - personal.count < 6 { return .personal }
        }
        return nil
    }
}
