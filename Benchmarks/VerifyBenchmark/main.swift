import CredenceProtocol
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Not the batch type: `credence verify` decodes a batch payload after the signature check, which random
// bytes fail, and that decoding is not part of what is compared with openssl.
let payloadType = "application/octet-stream"

// A fixed seed makes the key, and so (Ed25519 signing being deterministic) every file written, reproducible.
let signingKey = try! SigningKey(seed: (0..<32).map { UInt8($0) })
let publicKey = signingKey.publicKey
let policy = try! VerificationPolicy(trustedKeys: [publicKey])

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("credence-bench-verify: \(message)\n".utf8))
    exit(status)
}

/// Writes straight to the descriptor: `print` is fully buffered into a pipe, and the script shows progress.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func write(_ bytes: [UInt8], to path: String) {
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    } catch {
        fail("cannot write '\(path)': \(error)")
    }
}

func seconds(_ duration: Duration) -> Double {
    let (whole, attoseconds) = duration.components
    return Double(whole) + Double(attoseconds) / 1e18
}

let options: Options
switch Options.parse(CommandLine.arguments.dropFirst()) {
case .success(let parsed):
    options = parsed
case .failure(let error):
    guard let message = error.message else {
        emit(Options.usage)
        exit(0)
    }
    fail("\(message)\n\(Options.usage)", status: 2)
}
let directory = options.outputDirectory!
do {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
} catch {
    fail("cannot create '\(directory)': \(error)")
}
write(Array(publicKey.pemRepresentation.utf8), to: "\(directory)/pub.pem")
emit(
    "# payload_type=\(payloadType) key=\(publicKey.keyID) target_seconds=\(options.targetSeconds)"
        + " min_iterations=\(options.minimumIterations)")

for size in options.sizes {
    let payload = SplitMix64.payload(count: size)
    let envelope = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [signingKey])
    let bytes = envelope.serialized()
    let pae = PreAuthenticationEncoding.encode(payloadType: payloadType, payload: payload)
    let signature = envelope.signatures[0].signature
    // openssl gets the PAE and signature from here, so they must be what the envelope's signature covers.
    guard signature.count == 64, publicKey.isValidSignature(signature, for: pae) else {
        fail("the signature does not verify over the PAE written for size \(size)")
    }
    write(pae, to: "\(directory)/pae-\(size).bin")
    write(signature, to: "\(directory)/sig-\(size).bin")
    write(bytes, to: "\(directory)/envelope-\(size).json")

    // The first verification warms caches and allocator, and checks the verifier returns the payload.
    do {
        let verified = try EnvelopeVerifier.verify(bytes, policy: policy)
        guard verified.payload == payload else { fail("size \(size): the verified payload differs") }
    } catch {
        fail("size \(size): the envelope does not verify: \(error)")
    }
    // A verifier that accepted everything would look fast; a changed payload must be refused.
    var tamperedPayload = payload
    if tamperedPayload.isEmpty {
        tamperedPayload = [0]
    } else {
        tamperedPayload[tamperedPayload.count / 2] ^= 0x01
    }
    let tampered = Envelope(payloadType: payloadType, payload: tamperedPayload, signatures: envelope.signatures)
    if (try? EnvelopeVerifier.verify(tampered, policy: policy)) != nil {
        fail("size \(size): a tampered payload verified")
    }

    let clock = ContinuousClock()
    var iterations = 0
    // Summing what each verification returns keeps the optimizer from dropping the work.
    var verifiedBytes = 0
    let start = clock.now
    var elapsed = Duration.zero
    repeat {
        do {
            verifiedBytes += try EnvelopeVerifier.verify(bytes, policy: policy).payload.count
        } catch {
            fail("size \(size): verification failed during the measurement: \(error)")
        }
        iterations += 1
        elapsed = clock.now - start
    } while seconds(elapsed) < options.targetSeconds || iterations < options.minimumIterations
    guard verifiedBytes == size * iterations else { fail("size \(size): verified \(verifiedBytes) bytes") }

    let total = seconds(elapsed)
    let perSecond = Double(iterations) / total
    emit(
        "inprocess size=\(size) iterations=\(iterations) seconds=\(String(format: "%.6f", total))"
            + " verifications_per_second=\(String(format: "%.3f", perSecond))"
            + " mb_per_second=\(String(format: "%.3f", perSecond * Double(size) / 1e6))"
            + " envelope_bytes=\(bytes.count)")
}
