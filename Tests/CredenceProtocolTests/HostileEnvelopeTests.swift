import Crypto
import Foundation
import Testing

@testable import CredenceProtocol

/// Envelopes built to fool a verifier: each must be refused, and for the right reason.
struct HostileEnvelopeTests {
    let keyA = try! SigningKey(seed: [UInt8](repeating: 0xA1, count: 32))
    let keyB = try! SigningKey(seed: [UInt8](repeating: 0xB2, count: 32))
    let payload = Array(#"{"hello": "wörld"}"#.utf8)
    let payloadType = "application/vnd.credence.test+json"

    func policy(_ keys: [SigningKey], threshold: Int = 1, strict: Bool = false) throws(ProtocolError)
        -> VerificationPolicy
    {
        try VerificationPolicy(trustedKeys: keys.map(\.publicKey), threshold: threshold, strictBase64: strict)
    }

    func envelopeJSON(payload: String, payloadType: String, signatures: [String]) -> [UInt8] {
        Array(
            #"{"payload":"\#(payload)","payloadType":"\#(payloadType)","signatures":[\#(signatures.joined(separator: ","))]}"#
                .utf8)
    }

    func signatureJSON(_ signature: [UInt8]) -> String { #"{"sig":"\#(Base64.encode(signature))"}"# }

    func expectFailure(_ code: ProtocolError.Code, _ body: () throws(ProtocolError) -> Void) {
        do {
            try body()
            Issue.record("expected \(code), but it succeeded")
        } catch {
            #expect(error.code == code, "\(error.message)")
        }
    }

    @Test func paeCountsBytesNotCharacters() {
        let type = "application/vnd.ü+json"  // 22 characters, 23 bytes
        let pae = PreAuthenticationEncoding.encode(payloadType: type, payload: Array("é".utf8))
        #expect(pae == Array("DSSEv1 23 application/vnd.ü+json 2 é".utf8))
        #expect(PreAuthenticationEncoding.encode(payloadType: "t", payload: []) == Array("DSSEv1 1 t 0 ".utf8))
    }

    @Test func signatureOverCharacterCountedPAEFails() throws {
        let type = "application/vnd.ü+json"
        let wrongPAE = Array("DSSEv1 \(type.count) \(type) \(payload.count) ".utf8) + payload
        let signature = keyA.signature(for: wrongPAE)
        let envelope = Envelope(
            payloadType: type, payload: payload, signatures: [.init(keyID: nil, signature: signature)])
        expectFailure(.signatureNotVerified) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(envelope, policy: try policy([keyA]))
        }
    }

    @Test func signatureOverRawPayloadFails() throws {
        let envelope = Envelope(
            payloadType: payloadType, payload: payload,
            signatures: [.init(keyID: keyA.publicKey.keyID, signature: keyA.signature(for: payload))])
        expectFailure(.signatureNotVerified) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(envelope, policy: try policy([keyA]))
        }
    }

    @Test func signatureOverBase64PayloadFails() throws {
        let signature = keyA.signature(for: Array(Base64.encode(payload).utf8))
        let envelope = Envelope(
            payloadType: payloadType, payload: payload, signatures: [.init(keyID: nil, signature: signature)])
        expectFailure(.signatureNotVerified) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(envelope, policy: try policy([keyA]))
        }
    }

    @Test func duplicatePayloadMemberIsAmbiguous() throws {
        let signed = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [keyA])
        let other = Base64.encode(Array(#"{"hello": "evil"}"#.utf8))
        // Valid signature over the first payload; a parser that keeps the last member would see the second.
        let text =
            #"{"payload":"\#(Base64.encode(payload))","payloadType":"\#(payloadType)","payload":"\#(other)","signatures":[\#(signatureJSON(signed.signatures[0].signature))]}"#
        expectFailure(.duplicateMember) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(Array(text.utf8), policy: try policy([keyA]))
        }
        // The same through an escaped member name.
        let escaped = text.replacingOccurrences(of: #","payload":"\#(other)""#, with: #","payl\u006fad":"\#(other)""#)
        expectFailure(.duplicateMember) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(Array(escaped.utf8), policy: try policy([keyA]))
        }
    }

    @Test func duplicateMemberInsideASignatureIsAmbiguous() throws {
        let signed = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [keyA])
        let sig = Base64.encode(signed.signatures[0].signature)
        let bytes = envelopeJSON(
            payload: Base64.encode(payload), payloadType: payloadType,
            signatures: [#"{"sig":"\#(sig)","sig":"AAAA"}"#])
        expectFailure(.duplicateMember) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(bytes, policy: try policy([keyA]))
        }
    }

    @Test func oneKeySigningTwiceCountsOnce() throws {
        let signed = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [keyA, keyA])
        #expect(signed.signatures.count == 2)
        expectFailure(.signatureNotVerified) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(signed, policy: try policy([keyA, keyB], threshold: 2))
        }
        let both = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [keyB, keyA])
        let verified = try EnvelopeVerifier.verify(both, policy: try policy([keyA, keyB], threshold: 2))
        #expect(verified.signers == [keyA.publicKey, keyB.publicKey])
    }

    @Test func aTrustedKeyListedTwiceCountsOnce() {
        expectFailure(.invalidPolicy) { () throws(ProtocolError) in
            _ = try policy([keyA, keyA], threshold: 2)
        }
        expectFailure(.invalidPolicy) { () throws(ProtocolError) in _ = try policy([keyA], threshold: 0) }
    }

    @Test func nonCanonicalSignatureScalarFails() throws {
        let signed = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [keyA])
        var signature = signed.signatures[0].signature
        // S + L encodes the same scalar mod L: a malleable second signature that must not verify.
        let order: [UInt8] = Hex.decode("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")!
        var carry = 0
        for index in 0..<32 {
            let sum = Int(signature[32 + index]) + Int(order[index]) + carry
            signature[32 + index] = UInt8(sum & 0xFF)
            carry = sum >> 8
        }
        let malleated = Envelope(
            payloadType: payloadType, payload: payload, signatures: [.init(keyID: nil, signature: signature)])
        expectFailure(.signatureNotVerified) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(malleated, policy: try policy([keyA]))
        }
    }

    /// Under the identity point as public key, `R = identity, S = 0` is a valid Ed25519 signature of every
    /// message for BoringSSL; the key must be refused before it is ever used.
    @Test func smallOrderPublicKeyIsRefusedBeforeUse() throws {
        let identity: [UInt8] = [1] + [UInt8](repeating: 0, count: 31)
        let forged = identity + [UInt8](repeating: 0, count: 32)
        let boringKey = try Curve25519.Signing.PublicKey(rawRepresentation: identity)
        #expect(boringKey.isValidSignature(forged, for: Array("any message at all".utf8)))
        expectFailure(.unusableKey) { () throws(ProtocolError) in _ = try PublicKey(rawRepresentation: identity) }
        expectFailure(.unusableKey) { () throws(ProtocolError) in _ = try PublicKey(text: Hex.encode(identity)) }
    }

    @Test(arguments: [
        "0000000000000000000000000000000000000000000000000000000000000000",  // order 4
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // order 2
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",  // order 8
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p: non-canonical
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",  // y = p + 1: non-canonical
        "0100000000000000000000000000000000000000000000000000000000000080",  // x = 0 with the sign bit
    ])
    func weakOrNonCanonicalPublicKeysAreRefused(hex: String) {
        expectFailure(.unusableKey) { () throws(ProtocolError) in _ = try PublicKey(text: hex) }
    }

    @Test func strictModeAcceptsOnlyCanonicalPaddedStandardBase64() throws {
        let signed = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [keyA])
        let urlSafe = Base64.encodeURLSafe(payload)
        let bytes = envelopeJSON(
            payload: urlSafe, payloadType: payloadType,
            signatures: [#"{"sig":"\#(Base64.encodeURLSafe(signed.signatures[0].signature))"}"#])
        _ = try EnvelopeVerifier.verify(bytes, policy: try policy([keyA]))
        expectFailure(.malformedEnvelope) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(bytes, policy: try policy([keyA], strict: true))
        }
        _ = try EnvelopeVerifier.verify(signed.serialized(), policy: try policy([keyA], strict: true))
    }

    @Test func tooManySignaturesAreRefusedBeforeAnyWork() throws {
        let signatures = [Envelope.Signature](
            repeating: .init(keyID: nil, signature: [UInt8](repeating: 0, count: 64)),
            count: EnvelopeVerifier.maximumSignatures + 1)
        let envelope = Envelope(payloadType: payloadType, payload: payload, signatures: signatures)
        expectFailure(.malformedEnvelope) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(envelope, policy: try policy([keyA]))
        }
    }

    @Test func theApplicationSeesExactlyTheSignedBytes() throws {
        let odd = Array("{ \"b\":1 ,\n\t\"a\" : \"\\u00e9\" }".utf8)
        let signed = EnvelopeSigner.sign(payload: odd, payloadType: payloadType, with: [keyA])
        let verified = try EnvelopeVerifier.verify(signed.serialized(), policy: try policy([keyA]))
        #expect(verified.payload == odd)
        #expect(verified.payloadDigest == Hex.encode(SHA256.hash(data: odd)))
    }

    @Test func aBatchWithDuplicateMembersIsRefusedAfterVerification() throws {
        let batch = SampleBatches.social.serialized()
        var text = String(decoding: batch, as: UTF8.self)
        text = text.replacingOccurrences(of: #""batch_seq":1,"#, with: #""batch_seq":1,"batch_seq":2,"#)
        let signed = EnvelopeSigner.sign(payload: Array(text.utf8), payloadType: PayloadType.batchV1, with: [keyA])
        let verified = try EnvelopeVerifier.verify(signed, policy: try policy([keyA]))
        expectFailure(.schemaInvalid) { () throws(ProtocolError) in _ = try Batch.decode(verified) }
    }

    @Test func theRequiredPayloadTypeIsEnforced() throws {
        let signed = EnvelopeSigner.sign(payload: payload, payloadType: payloadType, with: [keyA])
        let strictType = try VerificationPolicy(trustedKeys: [keyA.publicKey], requiredPayloadType: PayloadType.batchV1)
        expectFailure(.unsupportedPayloadType) { () throws(ProtocolError) in
            _ = try EnvelopeVerifier.verify(signed, policy: strictType)
        }
    }
}
