import CredenceProtocol

/// One object of an export inside a top-level JSON value, with its place there: the value itself (a JSON
/// Lines order), an element of a wrapper (`{"orders": [...]}`, `{"object": "list", "data": [...]}`, a bare
/// array) or a wrapper's single member (`{"order": {...}}`).
struct ExportUnit {
    /// Where the unit sits in its top-level value, as child indices (object members count in order).
    enum Location: Equatable {
        case whole
        case child(Int)
        case grandchild(Int, Int)
    }

    var value: JSONValue
    /// The Shopify resource the wrapper member names, when there is one.
    var resource: ShopifyObject.Resource?
    /// The unit's path for error messages (`orders[3]`), empty for a whole value.
    var path: String
    var location: Location

    /// Member names that make an object a wrapper when all its members have them: Shopify's REST
    /// envelopes (`{"order": ...}`, `{"orders": [...]}`, ...) and Stripe objects grouped by type.
    static let wrapperMembers: Set<String> = {
        let singular = ShopifyObject.Resource.allCases.map(\.rawValue) + ["charge", "payment_intent", "event"]
        return Set(singular + singular.map { $0 + "s" })
    }()

    /// The units of one top-level value, in document order.
    static func units(of value: JSONValue) -> [ExportUnit] {
        switch value {
        case .array(let elements):
            return elements.enumerated().map { index, element in
                ExportUnit(value: element, path: "[\(index)]", location: .child(index))
            }
        case .object(let object) where object.member("object") == .string("list"):
            guard let dataIndex = object.members.firstIndex(where: { $0.name == "data" }),
                case .array(let elements) = object.members[dataIndex].value
            else {
                return [ExportUnit(value: object.member("data") ?? .null, path: "data", location: .whole)]
            }
            return elements.enumerated().map { index, element in
                ExportUnit(value: element, path: "data[\(index)]", location: .grandchild(dataIndex, index))
            }
        case .object(let object)
        where !object.members.isEmpty && object.members.allSatisfy({ wrapperMembers.contains($0.name) }):
            var units: [ExportUnit] = []
            for (memberIndex, member) in object.members.enumerated() {
                let resource = ShopifyObject.Resource(wrapperMember: member.name)
                switch member.value {
                case .null:
                    continue
                case .array(let elements):
                    for (index, element) in elements.enumerated() {
                        units.append(
                            ExportUnit(
                                value: element, resource: resource, path: "\(member.name)[\(index)]",
                                location: .grandchild(memberIndex, index)))
                    }
                default:
                    units.append(
                        ExportUnit(
                            value: member.value, resource: resource, path: member.name, location: .child(memberIndex)))
                }
            }
            return units
        default:
            return [ExportUnit(value: value, path: "", location: .whole)]
        }
    }

    init(value: JSONValue, resource: ShopifyObject.Resource? = nil, path: String, location: Location) {
        self.value = value
        self.resource = resource
        self.path = path
        self.location = location
    }

    /// The typed object, or why the unit is not one.
    func decode() -> Result<CommerceObject, CommerceFormatError> {
        Result { () throws(CommerceFormatError) in
            try CommerceObject(reading: try FieldReader(value, path: path), resource: resource)
        }
    }

    /// The 1-based line of each unit's first byte in `bytes`, the complete and valid JSON text of the
    /// top-level value that starts on `firstLine`.
    static func lines(of units: [ExportUnit], in bytes: ArraySlice<UInt8>, firstLine: Int) -> [Int] {
        bytes.withUnsafeBufferPointer { text in
            var locator = ChildLocator(text: text)
            var line = firstLine
            var counted = 0
            return units.map { unit in
                let offset = locator.offset(of: unit.location)
                // Units come in document order, so the newlines are counted once overall.
                while counted < offset {
                    if text[counted] == UInt8(ascii: "\n") { line += 1 }
                    counted += 1
                }
                return line
            }
        }
    }
}

/// Byte offsets of the children and grandchildren of a top-level value, found once each.
private struct ChildLocator {
    let text: UnsafeBufferPointer<UInt8>
    private var children: [Int]?
    private var grandchildren: [Int: [Int]] = [:]

    init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

    mutating func offset(of location: ExportUnit.Location) -> Int {
        switch location {
        case .whole: 0
        case .child(let index): childStarts()[index]
        case .grandchild(let parent, let index): grandchildStarts(parent)[index]
        }
    }

    private mutating func childStarts() -> [Int] {
        if let children { return children }
        let starts = JSONExtentScanner.childStarts(ofContainerAt: 0, in: text)
        children = starts
        return starts
    }

    private mutating func grandchildStarts(_ parent: Int) -> [Int] {
        if let cached = grandchildren[parent] { return cached }
        let starts = JSONExtentScanner.childStarts(ofContainerAt: childStarts()[parent], in: text)
        grandchildren[parent] = starts
        return starts
    }
}
