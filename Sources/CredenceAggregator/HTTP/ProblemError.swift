import CredenceProtocol
import Foundation
import Hummingbird
import Logging
import NIOCore

/// An error a route answers with an RFC 9457 problem document.
struct ProblemError: Error {
    let problem: ProblemType
    let detail: String
    var extensions: [String: ProblemExtensionValue] = [:]
    /// Seconds, for 429 and 503.
    var retryAfter: Int?

    init(
        _ problem: ProblemType, _ detail: String, extensions: [String: ProblemExtensionValue] = [:],
        retryAfter: Int? = nil
    ) {
        self.problem = problem
        self.detail = detail
        self.extensions = extensions
        self.retryAfter = retryAfter
    }

    func response() -> Response {
        ProblemResponse.make(
            status: problem.status, document: ProblemDetails(problem, detail: detail, extensions: extensions),
            retryAfter: retryAfter)
    }
}

enum ProblemResponse {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func make(status: Int, document: some Encodable, retryAfter: Int? = nil) -> Response {
        var headers: HTTPFields = [.contentType: ProblemDetails.mediaType]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        let body = (try? encoder.encode(document)) ?? Data()
        return Response(
            status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A status this project has no registered type for (405, say): RFC 9457's `about:blank`.
    static func blank(status: Int, detail: String?) -> Response {
        struct Blank: Encodable {
            let type = "about:blank"
            let title: String
            let status: Int
            let detail: String?
        }
        let title = HTTPResponse.Status(code: status).reasonPhrase
        return make(status: status, document: Blank(title: title, status: status, detail: detail))
    }
}

/// Turns every error into a problem document, so clients never see an HTML or empty error body.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: AggregatorMetrics
    let allowedMethods: AllowedMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as ProblemError {
            metrics.rejected(error.problem)
            return error.response()
        } catch is NIOTooManyBytesError {
            metrics.rejected(.payloadTooLarge)
            return ProblemError(.payloadTooLarge, "the request body exceeds this endpoint's limit").response()
        } catch let error as HTTPError {
            switch error.status.code {
            case 404:
                let allowed = allowedMethods.methods(for: request.uri.path)
                guard allowed.isEmpty else {
                    metrics.rejected(.methodNotAllowed)
                    var response = ProblemError(
                        .methodNotAllowed,
                        "\(request.uri.path) answers \(allowed.joined(separator: ", ")), not \(request.method)"
                    ).response()
                    response.headers[.allow] = allowed.joined(separator: ", ")
                    return response
                }
                metrics.rejected(.notFound)
                return ProblemError(.notFound, "no route for \(request.method) \(request.uri.path)").response()
            case 413:
                metrics.rejected(.payloadTooLarge)
                return ProblemError(.payloadTooLarge, error.body ?? "the request body is too large").response()
            default:
                return ProblemResponse.blank(status: error.status.code, detail: error.body)
            }
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            metrics.rejected(.internalError)
            return ProblemError(.internalError, "the server failed to handle the request").response()
        }
    }
}
