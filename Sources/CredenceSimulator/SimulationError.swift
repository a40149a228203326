/// Why a simulation could not run or write its output.
public struct SimulationError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// An option is out of range.
        case invalidConfiguration
        /// The output directory cannot be used (exists and is not empty, not writable).
        case unusableOutput
        /// Writing a file failed.
        case writeFailed
        /// A format module refused a generated value (a bug in the simulator).
        case formatRefused
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    public static func == (lhs: SimulationError, rhs: SimulationError) -> Bool { lhs.code == rhs.code }
}
