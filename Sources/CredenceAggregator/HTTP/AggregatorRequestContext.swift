public import Hummingbird
public import NIOCore

/// The request context of the aggregator's routes: it keeps the channel so that a handler can read the
/// partner's client certificate (mTLS).
public struct AggregatorRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The routes enforce their own, configured limits (413 problem documents); this only bounds the
    /// framework's own body decoding.
    public var maxUploadSize: Int { 1 << 30 }
}
