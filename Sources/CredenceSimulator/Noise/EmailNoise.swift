import CredenceIdentity
import CredencePrimitives

/// The same mailbox written another way: Gmail ignores dots and `+tags`, several providers ignore `+tags`,
/// and every provider ignores capitals in the domain (and, in practice, the local part).
enum EmailNoise {
    static func variant(of email: String, using random: inout SplitMix64) -> String? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        let local = String(email[..<at])
        let domain = String(email[email.index(after: at)...])
        if EmailNormalizer.gmailDomains.contains(domain) {
            switch random.below(4) {
            case 0 where local.contains("."):
                return local.filter { $0 != "." } + "@" + domain
            case 1:
                let letters = Array(local)
                guard letters.count >= 3 else { return nil }
                let position = 1 + random.below(letters.count - 1)
                guard letters[position - 1] != ".", letters[position] != "." else { return nil }
                return String(letters[..<position]) + "." + String(letters[position...]) + "@" + domain
            case 2:
                return local + "+" + random.pick(["shop", "orders", "news", "promo"]) + "@" + domain
            default:
                return local + "@googlemail.com"
            }
        }
        if EmailNormalizer.plusTagDomains.contains(domain), random.chance(0.6) {
            return local + "+" + random.pick(["shop", "bills", "signup"]) + "@" + domain
        }
        return LatinText.capitalized(local) + "@" + LatinText.capitalized(domain)
    }
}
