public import CredenceProtocol
import Foundation

/// The wire form of a subject profile as identity resolution stores it: the `SubjectReference` JSON a partner
/// last sent, in the batch's own member names, so that a stored profile reads like the batch it came from.
public enum SubjectProfiles {
    /// The last statement about each subject in a batch's records, in order of first mention.
    public static func latestSubjects(inRecords bodies: [[UInt8]]) throws(ProtocolError) -> [SubjectReference] {
        var order: [String] = []
        var latest: [String: SubjectReference] = [:]
        let decoder = makeDecoder()
        for body in bodies {
            let subjects: RecordSubjects
            do {
                subjects = try decoder.decode(RecordSubjects.self, from: Data(body))
            } catch {
                throw ProtocolError(.schemaInvalid, "a stored record's subjects do not decode: \(error)")
            }
            for subject in subjects.subjects {
                if latest.updateValue(subject, forKey: subject.subjectKey.rawValue) == nil {
                    order.append(subject.subjectKey.rawValue)
                }
            }
        }
        return order.map { latest[$0]! }
    }

    public static func encode(_ subject: SubjectReference) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, booleans and arrays of them only: encoding cannot fail.
        return Array(try! encoder.encode(subject))
    }

    public static func decode(_ profile: [UInt8]) throws(ProtocolError) -> SubjectReference {
        do {
            return try makeDecoder().decode(SubjectReference.self, from: Data(profile))
        } catch {
            throw ProtocolError(.schemaInvalid, "a stored subject profile does not decode: \(error)")
        }
    }

    private struct RecordSubjects: Decodable {
        let subjects: [SubjectReference]
    }

    private static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
