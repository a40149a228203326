import Foundation

/// The `notBefore`/`notAfter` pair of a certificate about to be issued, in whole seconds.
///
/// `notBefore` is set ``clockSkewAllowance`` before `now`, so a peer whose clock runs a little behind does not
/// see a brand-new certificate as "not yet valid"; `notAfter` is `now + validFor`. Both are truncated to whole
/// seconds, because X.509 times have no fractions (swift-certificates would round, which can put `notBefore`
/// half a second in the future).
struct ValidityWindow: Sendable {
    /// How far before `now` a certificate's validity starts: five minutes.
    static let clockSkewAllowance: TimeInterval = 300
    /// The longest validity accepted: 100 years of 365.25 days.
    static let maximumSeconds: Int64 = 36_525 * 86_400

    let notValidBefore: Date
    let notValidAfter: Date

    init(now: Date, validFor: Duration) throws(DevelopmentPKIError) {
        let (seconds, attoseconds) = validFor.components
        guard seconds > 0 || (seconds == 0 && attoseconds > 0) else {
            throw DevelopmentPKIError(.invalidValidity, "the validity must be positive, for example .seconds(86_400)")
        }
        guard seconds <= Self.maximumSeconds else {
            throw DevelopmentPKIError(.invalidValidity, "the validity must be at most 100 years")
        }
        let start = now.timeIntervalSince1970
        notValidBefore = Self.wholeSeconds(start - Self.clockSkewAllowance)
        notValidAfter = Self.wholeSeconds(start + Double(seconds) + Double(attoseconds) * 1e-18)
        // X.509 times cover the years 1950 to 9999 (UTCTime, then GeneralizedTime).
        guard notValidBefore.timeIntervalSince1970 >= -631_152_000,
            notValidAfter.timeIntervalSince1970 < 253_402_300_800
        else {
            throw DevelopmentPKIError(
                .invalidValidity, "the validity period must lie between the years 1950 and 9999: check `now`")
        }
    }

    private init(notValidBefore: Date, notValidAfter: Date) {
        self.notValidBefore = notValidBefore
        self.notValidAfter = notValidAfter
    }

    /// This window, cut short so that it ends at `end` at the latest.
    func ending(noLaterThan end: Date) -> ValidityWindow {
        ValidityWindow(notValidBefore: notValidBefore, notValidAfter: min(notValidAfter, end))
    }

    private static func wholeSeconds(_ interval: TimeInterval) -> Date {
        Date(timeIntervalSince1970: interval.rounded(.down))
    }
}
