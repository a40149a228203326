import CredencePrimitives

/// Reads an envelope straight from its bytes: one strict pass lays out where each value lies (``JSONTape``),
/// and the payload's base64 is decoded from the bytes in place, without first making a `String` of it (for a
/// batch, most of the envelope).
///
/// It answers only when ``Envelope/init(parsing:strictBase64:)``'s reference path would return the same
/// envelope: the three DSSE members once each, signatures with only `keyid` and `sig`, base64 that decodes.
/// For anything else (unknown or repeated members, whose repetition the tape does not check; an escaped
/// payload; bad base64) it answers nil, and the reference path decides, with its error.
enum EnvelopeReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, strictBase64: Bool) -> Envelope? {
        guard let tape = JSONTape(bytes) else { return nil }
        return tape.entries.withUnsafeBufferPointer { entries -> Envelope? in
            let root = TapeValue(bytes: bytes, entries: entries, index: 0)
            guard var object = root.object, object.count == 3,
                let payloadType = object.member("payloadType")?.string,
                let payload = object.member("payload").flatMap({ decodeBase64($0, strict: strictBase64) }),
                let signatureValues = object.member("signatures")?.elements
            else { return nil }
            var signatures: [Envelope.Signature] = []
            for value in signatureValues {
                guard var entry = value.object else { return nil }
                guard let signature = entry.member("sig").flatMap({ decodeBase64($0, strict: strictBase64) })
                else { return nil }
                let keyID: String?
                switch entry.member("keyid") {
                case nil:
                    guard entry.count == 1 else { return nil }
                    keyID = nil
                case let value? where value.isNull:
                    guard entry.count == 2 else { return nil }
                    keyID = nil
                case let value?:
                    guard entry.count == 2, let text = value.string else { return nil }
                    keyID = text
                }
                signatures.append(Envelope.Signature(keyID: keyID, signature: signature))
            }
            guard !signatures.isEmpty else { return nil }
            return Envelope(payloadType: payloadType, payload: payload, signatures: signatures)
        }
    }

    /// The bytes a base64 string holds, decoded where it lies; nil for a string with escapes (its value is
    /// not its bytes) or that is not base64.
    private static func decodeBase64(_ value: TapeValue, strict: Bool) -> [UInt8]? {
        let entry = value.entry
        guard entry.kind == .string, !entry.isEscaped else { return nil }
        let text = UnsafeBufferPointer(rebasing: value.bytes[Int(entry.start)..<Int(entry.end)])
        return try? Base64.decode(utf8: text, strict: strict)
    }
}
