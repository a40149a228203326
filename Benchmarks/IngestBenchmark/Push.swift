import CredenceClient
import CredenceProtocol
import CredenceTesting
import Foundation

/// What one client saw while pushing its chain.
struct ClientResult: Sendable {
    /// Request to 201, per batch, in push order: only accepted attempts, so retries do not count twice.
    var latencies: [Duration] = []
    /// Attempts answered 429 or 503 and sent again after Retry-After.
    var retries = 0
    var records = 0
}

enum PushError: Error, CustomStringConvertible {
    case refused(client: Int, batch: Int, status: Int, body: String)
    case transport(client: Int, batch: Int, ClientError)

    var description: String {
        switch self {
        case .refused(let client, let batch, let status, let body):
            "client \(client), batch \(batch + 1): HTTP \(status): \(body.prefix(500))"
        case .transport(let client, let batch, let error):
            "client \(client), batch \(batch + 1): \(error)"
        }
    }
}

/// Signs each partner's chain of `batches` envelopes of `records` records, partners in parallel: the
/// partner's cost, done before timing so that the clients only send.
func signChains(partners: [SyntheticPartner], batches: Int, records: Int) async -> [[[UInt8]]] {
    await withTaskGroup(of: (Int, [[UInt8]]).self) { group in
        for (index, partner) in partners.enumerated() {
            group.addTask {
                var partner = partner
                var envelopes: [[UInt8]] = []
                envelopes.reserveCapacity(batches)
                for _ in 0..<batches { envelopes.append(partner.nextEnvelope(records: records)) }
                return (index, envelopes)
            }
        }
        var chains = [[[UInt8]]](repeating: [], count: partners.count)
        for await (index, envelopes) in group { chains[index] = envelopes }
        return chains
    }
}

/// One client per chain, all at once; each sends its next batch only after the previous one's 201, as a
/// partner must (a batch names its predecessor), and waits out 429 and 503 as the Retry-After says.
func pushChains(_ chains: [[[UInt8]]], recordsPerBatch: Int, baseURL: String, caPEM: String) async throws
    -> [ClientResult]
{
    // A client (connection pool) per partner: partners are separate organisations with their own connections.
    let clients = try chains.map { _ in try AggregatorClient(baseURL: baseURL, trustedCAPEM: caPEM) }
    do {
        let results = try await withThrowingTaskGroup(of: (Int, ClientResult).self) { group in
            for (index, chain) in chains.enumerated() {
                let client = clients[index]
                group.addTask {
                    (index, try await push(chain, client: client, index: index, recordsPerBatch: recordsPerBatch))
                }
            }
            var results = [ClientResult](repeating: ClientResult(), count: chains.count)
            for try await (index, result) in group { results[index] = result }
            return results
        }
        for client in clients { try await client.shutdown() }
        return results
    } catch {
        for client in clients { try? await client.shutdown() }
        throw error
    }
}

private func push(_ chain: [[UInt8]], client: AggregatorClient, index: Int, recordsPerBatch: Int) async throws
    -> ClientResult
{
    let clock = ContinuousClock()
    var result = ClientResult()
    result.latencies.reserveCapacity(chain.count)
    for (batch, envelope) in chain.enumerated() {
        while true {
            let start = clock.now
            let reply: AggregatorClient.Reply
            do {
                reply = try await client.pushEnvelope(envelope)
            } catch {
                throw PushError.transport(client: index, batch: batch, error)
            }
            let elapsed = clock.now - start
            if reply.status == 201 {
                result.latencies.append(elapsed)
                result.records += recordsPerBatch
                break
            }
            guard reply.status == 429 || reply.status == 503 else {
                // 200 would be a replay: impossible on a fresh aggregator, so as wrong as any error here.
                throw PushError.refused(
                    client: index, batch: batch, status: reply.status, body: String(decoding: reply.body, as: UTF8.self)
                )
            }
            result.retries += 1
            try await Task.sleep(for: .seconds(reply.retryAfter ?? 1))
        }
    }
    return result
}
