/// DSSE's pre-authentication encoding: the exact bytes a signature covers.
///
/// `PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, where LEN is the ASCII decimal
/// count of **bytes** (a payloadType with non-ASCII characters has more bytes than characters).
/// Signing the PAE rather than the payload binds the payloadType to the signature.
public enum PreAuthenticationEncoding {
    public static func encode(payloadType: String, payload: some Collection<UInt8>) -> [UInt8] {
        let typeBytes = Array(payloadType.utf8)
        let prefix = "DSSEv1 \(typeBytes.count) "
        let middle = " \(payload.count) "
        var output: [UInt8] = []
        output.reserveCapacity(prefix.utf8.count + typeBytes.count + middle.utf8.count + payload.count)
        output.append(contentsOf: prefix.utf8)
        output.append(contentsOf: typeBytes)
        output.append(contentsOf: middle.utf8)
        output.append(contentsOf: payload)
        return output
    }
}
