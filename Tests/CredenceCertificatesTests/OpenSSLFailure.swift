/// `openssl` did not behave as a test expected; carries what it printed.
struct OpenSSLFailure: Error, CustomStringConvertible {
    let output: String

    var description: String { "openssl failed: \(output)" }
}
