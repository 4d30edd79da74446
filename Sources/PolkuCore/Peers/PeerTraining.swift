/// When a peer's training counts as completed (issue 16): RUORI2 trains its peer coaches in a
/// coaching programme run as a group in Polku. The training is completed when the trainee attended
/// at least four in five of the programme's sessions held so far (cancelled ones do not count), and
/// at least one session has been held. The share is the project's to change; four in five is what a
/// programme of ten sessions with two allowed absences gives.
public enum PeerTraining {
    public static let defaultShare = (numerator: 4, denominator: 5)

    /// The sessions a trainee must attend of `held`: the share rounded up, so 8 of 10, 4 of 5, 3 of 3.
    public static func required(held: Int, share: (numerator: Int, denominator: Int) = defaultShare) -> Int {
        guard held > 0, share.denominator > 0 else { return 0 }
        return (held * share.numerator + share.denominator - 1) / share.denominator
    }

    public static func isCompleted(held: Int, attended: Int, share: (numerator: Int, denominator: Int) = defaultShare) -> Bool {
        held > 0 && attended >= required(held: held, share: share)
    }
}
