import CredenceProtocol
import Foundation
import Hummingbird
import NIOCore

/// Reads a small JSON request body (admin and score API requests, at most 64 KiB) strictly: an unknown or
/// duplicate member is a 400 `malformed-request`, a larger body a 413 `payload-too-large`.
func decodeJSONBody<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
    let limit = 64 * 1024
    let body: ByteBuffer
    do {
        body = try await request.body.collect(upTo: limit)
    } catch is NIOTooManyBytesError {
        throw ProblemError(.payloadTooLarge, "the request body exceeds \(limit) bytes")
    }
    do {
        return try StrictDecoder.decode(type, fromJSON: Array(buffer: body))
    } catch {
        throw ProblemError(.malformedRequest, "the request body is not the expected JSON: \(error.message)")
    }
}

/// The request's media type, lower-cased, without parameters (`application/json; charset=utf-8` is
/// `application/json`); nil without a `Content-Type`.
func mediaType(of request: Request) -> String? {
    request.headers[.contentType]?.split(separator: ";").first
        .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
}
