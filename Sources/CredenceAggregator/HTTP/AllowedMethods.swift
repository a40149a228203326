import HTTPTypes
public import Hummingbird
import Synchronization

/// The methods each registered path answers, so that a known path called with another method gets a 405
/// with `Allow` (RFC 9110 §15.5.6) instead of the router's 404. Filled once, after the routes are
/// registered and before the server starts; read by ``ProblemMiddleware`` afterwards.
final class AllowedMethods: Sendable {
    private let routes = Mutex<[(path: RouterPath, method: String)]>([])

    func load<Context>(from router: Router<Context>) {
        let described = router.routes.map { (path: $0.path, method: $0.method.rawValue) }
        routes.withLock { $0 = described }
    }

    /// The methods registered for `path`, sorted; empty when no route matches the path at all.
    func methods(for path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return routes.withLock { routes in
            Set(
                routes.filter { route in
                    route.path.components.count == segments.count
                        && zip(route.path.components, segments).allSatisfy { $0 ~= $1 }
                }.map(\.method)
            ).sorted()
        }
    }
}
