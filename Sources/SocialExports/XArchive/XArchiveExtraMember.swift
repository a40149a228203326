public import CredenceProtocol

/// An archive member of a data type this project never reads (posts, messages, followers, the address
/// book, ...), for ``XArchiveWriter``: the data simulator writes realistic archives with it, and tests
/// prove with it that the reader leaves such members unopened.
///
/// ```swift
/// let tweets = XArchiveExtraMember(
///     manifestKey: "tweets", memberName: "data/tweets.js", globalName: "YTD.tweets.part0",
///     entries: [try StrictJSONParser.parse(Array(#"{"tweet": {"full_text": "hello"}}"#.utf8))])
/// ```
public struct XArchiveExtraMember: Sendable {
    /// The data type's key under `dataTypes` in `manifest.js` (`tweets`, `directMessages`, ...).
    public var manifestKey: String
    /// The member's name relative to the archive root (`data/tweets.js`).
    public var memberName: String
    /// The global the file assigns, without `window.` (`YTD.tweets.part0`).
    public var globalName: String
    /// The elements of the file's JSON array.
    public var entries: [JSONValue]

    public init(manifestKey: String, memberName: String, globalName: String, entries: [JSONValue]) {
        self.manifestKey = manifestKey
        self.memberName = memberName
        self.globalName = globalName
        self.entries = entries
    }
}
