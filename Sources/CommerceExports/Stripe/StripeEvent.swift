public import CredenceProtocol

/// A Stripe event (`charge.succeeded`, `charge.dispute.closed`, ...) as the Events API and webhooks deliver
/// it: the object as it was at ``created``, which for a closed dispute is the only record of when it closed.
public struct StripeEvent: Sendable, Equatable {
    public var id: String
    /// `charge.succeeded`, `charge.refunded`, `charge.dispute.created`, `charge.dispute.closed`, ...
    public var type: String
    public var created: Timestamp
    public var livemode: Bool
    /// The event's `data.object`; never another event.
    public var object: StripeObject

    public init(id: String, type: String, created: Timestamp, livemode: Bool = true, object: StripeObject) {
        self.id = id
        self.type = type
        self.created = created
        self.livemode = livemode
        self.object = object
    }

    init(reading fields: FieldReader) throws(CommerceFormatError) {
        guard let data = try fields.object("data"), let inner = data.value("object") else {
            throw fields.missing("data.object")
        }
        let object = try StripeObject(reading: try FieldReader(inner, path: data.fieldPath("object")))
        if case .event = object {
            throw CommerceFormatError(.unknownObject, "data.object: an event inside an event is not a Stripe shape")
        }
        self.init(
            id: try fields.requiredString("id"), type: try fields.requiredString("type"),
            created: try fields.requiredUnixInstant("created"), livemode: try fields.bool("livemode") ?? true,
            object: object)
    }

    var json: ObjectBuilder {
        var data = ObjectBuilder()
        data.add("object", object.json)
        var event = ObjectBuilder()
        event.add("id", id)
        event.add("object", "event")
        event.add("created", unixSeconds: created)
        event.add("data", data)
        event.add("livemode", livemode)
        event.add("type", type)
        return event
    }
}
