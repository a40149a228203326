import CredenceProtocol

/// The JavaScript wrapping of archive members: `window.YTD.account.part0 = [ ... ]` for data and
/// `window.__THAR_CONFIG = { ... }` for the manifest. The assignment is checked and stripped, and the rest
/// is parsed as strict JSON.
enum XArchiveScript {
    /// The JSON value that `bytes` assigns to `window.<expectedGlobal>`.
    static func value(of bytes: [UInt8], expectedGlobal: String) throws(SocialExportError) -> JSONValue {
        let (global, json) = try assignment(bytes)
        guard global == expectedGlobal else {
            throw SocialExportError(
                .malformed, field: .root,
                "assigns window.\(global.prefix(80)), expected window.\(expectedGlobal) (the file holds another "
                    + "data type or part than its name says)")
        }
        do {
            return try StrictJSONParser.parse(json)
        } catch {
            throw SocialExportError(
                .malformed, field: error.pointer ?? .root,
                "is not valid JSON after 'window.\(expectedGlobal) =' (byte offsets count from there): \(error.message)"
            )
        }
    }

    /// Splits `[BOM] window.NAME = JSON [;]` into NAME and the JSON bytes.
    private static func assignment(_ bytes: [UInt8]) throws(SocialExportError) -> (String, ArraySlice<UInt8>) {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace(bytes, &index)
        let window = Array("window.".utf8)
        guard bytes[index...].starts(with: window) else {
            throw SocialExportError(
                .malformed, field: .root, "does not start with 'window.<name> =' as X archive files do")
        }
        index += window.count
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        skipWhitespace(bytes, &index)
        guard !name.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            throw SocialExportError(
                .malformed, field: .root, "does not start with 'window.<name> =' as X archive files do")
        }
        index += 1
        var end = bytes.count
        while end > index, isWhitespace(bytes[end - 1]) { end -= 1 }
        if end > index, bytes[end - 1] == UInt8(ascii: ";") { end -= 1 }
        return (name, bytes[index..<end])
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "$"):
            true
        default: false
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func skipWhitespace(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
    }

    /// The bytes of a member that assigns `value` to `window.<global>`, laid out as X does.
    static func text(global: String, value: JSONValue) -> [UInt8] {
        Array("window.\(global) = \(value.xArchiveText())".utf8)
    }
}
