import CredencePrimitives

/// u from random pairs: level frequencies with add-one smoothing.
enum RandomPairs {
    /// Compares `settings.randomPairs` seeded random pairs of different records (one per side in a link run),
    /// or every pair when there are fewer.
    static func u(store: RecordStore, leftCount: Int?, settings: LinkageSettings) -> (u: [[Double]], pairs: Int) {
        let comparator = RecordComparator(recycledPhoneMargin: settings.recycledPhoneMarginDays)
        let possible = ParameterEstimation.possiblePairs(store: store, leftCount: leftCount)
        let stride = LinkageField.maximumLevelCount
        let width = LinkageField.allCases.count * stride
        @Sendable func count(_ vector: ComparisonVector, into counts: inout [Int]) {
            for field in LinkageField.allCases where vector[field] != ComparisonVector.missing {
                counts[field.index * stride + Int(vector[field])] += 1
            }
        }
        let parts: [[Int]]
        if possible <= settings.randomPairs {
            let rows = leftCount ?? store.count
            let chunkCount = max(1, min(64, rows / 64))
            parts = Parallel.map(chunkCount: chunkCount, parallelism: settings.parallelism) { chunk in
                var counts = [Int](repeating: 0, count: width)
                for a in Parallel.range(chunk, of: chunkCount, count: rows) {
                    for b in (leftCount ?? (a + 1))..<store.count {
                        count(comparator.compare(store, a, b).vector, into: &counts)
                    }
                }
                return counts
            }
        } else {
            // Drawn from one seeded stream and compared in order of the first record, so that half of every
            // pair's memory is read in sequence (random records are otherwise a cache miss each).
            var generator = SplitMix64(seed: settings.seed)
            var pairs = (0..<settings.randomPairs).map { _ in
                let (a, b) = randomPair(store.count, leftCount: leftCount, using: &generator)
                return UInt64(a) << 32 | UInt64(b)
            }
            pairs.sort()
            let drawn = pairs
            let chunkCount = 64
            parts = Parallel.map(chunkCount: chunkCount, parallelism: settings.parallelism) { chunk in
                var counts = [Int](repeating: 0, count: width)
                for pair in drawn[Parallel.range(chunk, of: chunkCount, count: drawn.count)] {
                    count(comparator.compare(store, Int(pair >> 32), Int(pair & 0xFFFF_FFFF)).vector, into: &counts)
                }
                return counts
            }
        }
        var total = [Int](repeating: 0, count: width)
        for part in parts {
            for index in total.indices { total[index] += part[index] }
        }
        let u = LinkageField.allCases.map { field in
            let levels = field.levelNames.count
            let observed = (0..<levels).reduce(0) { $0 + total[field.index * stride + $1] }
            return (0..<levels).map { Double(total[field.index * stride + $0] + 1) / Double(observed + levels) }
        }
        return (u, min(possible, settings.randomPairs))
    }

    /// Two different records drawn uniformly, by multiply-shift so the draw does not depend on the standard
    /// library's algorithms.
    private static func randomPair(_ count: Int, leftCount: Int?, using generator: inout SplitMix64) -> (Int, Int) {
        func below(_ bound: Int) -> Int { Int(generator.next().multipliedFullWidth(by: UInt64(bound)).high) }
        if let leftCount { return (below(leftCount), leftCount + below(count - leftCount)) }
        let a = below(count)
        let b = below(count - 1)
        return (a, b >= a ? b + 1 : b)
    }
}
