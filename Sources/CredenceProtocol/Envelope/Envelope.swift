import CredencePrimitives
import Crypto

/// A DSSE v1 envelope as it travels: `{"payload": b64, "payloadType": "...", "signatures": [{"keyid", "sig"}]}`.
///
/// Parsing checks only the form (strict JSON, required fields, base64); nothing in it is trusted until
/// ``EnvelopeVerifier`` has checked the signatures. Unknown members are ignored, as DSSE requires.
public struct Envelope: Sendable, Equatable {
    public struct Signature: Sendable, Equatable {
        /// An unauthenticated hint naming the key; never used to decide validity.
        public let keyID: String?
        public let signature: [UInt8]

        public init(keyID: String?, signature: [UInt8]) {
            self.keyID = keyID
            self.signature = signature
        }
    }

    public let payloadType: String
    /// The decoded payload bytes. Untrusted until verified.
    public let payload: [UInt8]
    public let signatures: [Signature]

    public init(payloadType: String, payload: [UInt8], signatures: [Signature]) {
        self.payloadType = payloadType
        self.payload = payload
        self.signatures = signatures
    }

    /// Parses an envelope. With `strictBase64`, only canonical padded standard base64 is accepted.
    public init(parsing bytes: some Collection<UInt8>, strictBase64: Bool = false) throws(ProtocolError) {
        if case let direct?? = bytes.withContiguousStorageIfAvailable({
            EnvelopeReader.read($0, strictBase64: strictBase64)
        }) {
            self = direct
        } else {
            try self.init(parsingTree: bytes, strictBase64: strictBase64)
        }
    }

    /// The reference path: a JSON tree, then its members. Its errors are the ones callers see.
    init(parsingTree bytes: some Collection<UInt8>, strictBase64: Bool) throws(ProtocolError) {
        let document: JSONValue
        do {
            document = try StrictJSONParser.parse(bytes)
        } catch {
            throw ProtocolError(error.code, "the envelope is not valid JSON: \(error.message)", pointer: error.pointer)
        }
        guard case .object(let object) = document else {
            throw Self.malformed("the envelope must be a JSON object, not \(document.typeName)", .root)
        }
        guard case .string(let payloadType)? = object["payloadType"] else {
            throw Self.malformed("the envelope needs a string 'payloadType'", JSONPointer.root.appending("payloadType"))
        }
        guard case .string(let payloadText)? = object["payload"] else {
            throw Self.malformed("the envelope needs a string 'payload'", JSONPointer.root.appending("payload"))
        }
        let payload = try Self.decodeBase64(payloadText, strict: strictBase64, at: .root.appending("payload"))
        guard case .array(let signatureValues)? = object["signatures"] else {
            throw Self.malformed(
                "the envelope needs a 'signatures' array", JSONPointer.root.appending("signatures"))
        }
        guard !signatureValues.isEmpty else {
            throw Self.malformed("the envelope has no signatures", JSONPointer.root.appending("signatures"))
        }
        var signatures: [Signature] = []
        for (index, value) in signatureValues.enumerated() {
            let pointer = JSONPointer.root.appending("signatures").appending(index: index)
            guard case .object(let entry) = value else {
                throw Self.malformed("each signature must be an object", pointer)
            }
            guard case .string(let sigText)? = entry["sig"] else {
                throw Self.malformed("each signature needs a string 'sig'", pointer.appending("sig"))
            }
            let keyID: String?
            switch entry["keyid"] {
            case nil, .null?: keyID = nil
            case .string(let text)?: keyID = text
            default: throw Self.malformed("'keyid' must be a string", pointer.appending("keyid"))
            }
            let signature = try Self.decodeBase64(sigText, strict: strictBase64, at: pointer.appending("sig"))
            signatures.append(Signature(keyID: keyID, signature: signature))
        }
        self.init(payloadType: payloadType, payload: payload, signatures: signatures)
    }

    /// Lower-case hex SHA-256 of the payload bytes: the `batch_id` of a batch envelope. Computed on an
    /// unverified envelope it only names the payload; it proves nothing about its origin.
    public var payloadDigest: String { Envelope.digest(of: payload) }

    public static func digest(of payload: [UInt8]) -> String { Hex.encode(SHA256.hash(data: payload)) }

    /// The envelope as this project writes it: standard padded base64, members in a fixed order.
    public func serialized() -> [UInt8] {
        var text = "{\"payload\":\"" + Base64.encode(payload) + "\",\"payloadType\":" + jsonString(payloadType)
        text += ",\"signatures\":["
        text += signatures.map { signature in
            var entry = "{"
            if let keyID = signature.keyID { entry += "\"keyid\":" + jsonString(keyID) + "," }
            return entry + "\"sig\":\"" + Base64.encode(signature.signature) + "\"}"
        }.joined(separator: ",")
        text += "]}\n"
        return Array(text.utf8)
    }

    private static func malformed(_ message: String, _ pointer: JSONPointer) -> ProtocolError {
        ProtocolError(.malformedEnvelope, message, pointer: pointer)
    }

    private static func decodeBase64(_ text: String, strict: Bool, at pointer: JSONPointer) throws(ProtocolError)
        -> [UInt8]
    {
        do {
            return try Base64.decode(text, strict: strict)
        } catch {
            throw malformed("'\(pointer)' is not valid base64: \(error)", pointer)
        }
    }
}

/// A JSON string literal for `text`, escaping what RFC 8259 requires.
func jsonString(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": output += "\\\""
        case "\\": output += "\\\\"
        case "\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        case "\u{00}"..."\u{1F}":
            let hex = Hex.encode([UInt8(scalar.value)])
            output += "\\u00" + hex
        default: output.unicodeScalars.append(scalar)
        }
    }
    return output + "\""
}
