/// Why one archive or claims object cannot become a record, in words for the partner's data team: the
/// member or claim at fault and what was expected, never the value.
struct SocialRecordFailure: Error {
    var reason: String

    init(_ reason: String) {
        self.reason = reason
    }
}
