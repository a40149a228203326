#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's base-2 logarithm and power, in one place: the standard library has neither, and the
/// engine needs nothing else from Foundation.
enum Math {
    static func log2(_ value: Double) -> Double {
        #if canImport(Glibc)
            Glibc.log2(value)
        #elseif canImport(Musl)
            Musl.log2(value)
        #else
            Darwin.log2(value)
        #endif
    }

    static func exp2(_ value: Double) -> Double {
        #if canImport(Glibc)
            Glibc.exp2(value)
        #elseif canImport(Musl)
            Musl.exp2(value)
        #else
            Darwin.exp2(value)
        #endif
    }

    /// The match probability of a match weight w (log2 odds): 2^w / (1 + 2^w), without overflow.
    static func probability(weight: Double) -> Double { 1 / (1 + exp2(-weight)) }
}
