import Foundation

/// Edits of a sample document that keep it JSON or break it at its frame, shared by the tests that hold a direct
/// reader against its reference path.
enum DocumentEdits {
    /// Each edit whose target occurs in `text`, applied at every occurrence and at the first one only.
    private static func edited(_ text: String, by edits: [(String, String)]) -> [(everywhere: [UInt8], first: [UInt8])]
    {
        edits.compactMap { target, replacement in
            guard let first = text.range(of: target) else { return nil }
            return (
                Array(text.replacingOccurrences(of: target, with: replacement).utf8),
                Array(text.replacingCharacters(in: first, with: replacement).utf8)
            )
        }
    }

    /// The text after and before a byte-order mark, a space or a newline, followed by a second document, and
    /// wrapped in an array.
    private static func reframed(_ text: String) -> [[UInt8]] {
        ["\u{FEFF}", " ", "\n"].flatMap { framing in [Array((framing + text).utf8), Array((text + framing).utf8)] }
            + [Array((text + "{}").utf8), Array("[\(text)]".utf8)]
    }

    /// Runs `check` (which returns whether the direct reader answered) on every edit of every sample, and on
    /// every reframing; returns how many edits applied and how many of their first-occurrence forms the
    /// reader answered.
    static func check(
        _ samples: [[UInt8]], by edits: [(String, String)], _ check: ([UInt8]) -> Bool
    ) -> (checked: Int, answered: Int) {
        var checked = 0
        var answered = 0
        for sample in samples {
            let text = String(decoding: sample, as: UTF8.self)
            for edited in self.edited(text, by: edits) {
                _ = check(edited.everywhere)
                if check(edited.first) { answered += 1 }
                checked += 1
            }
            reframed(text).forEach { _ = check($0) }
        }
        return (checked, answered)
    }
}
