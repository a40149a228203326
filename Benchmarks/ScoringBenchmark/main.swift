import CredencePrimitives
import Scorecard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `credence-bench-scoring [--rows N] [--features F] [--repeats R]`: scores a synthetic column-major feature
/// matrix with a compiled scorecard on one core and prints the best of R runs, for points only and for points
/// with reason codes:
///   scoring mode=points rows=N features=F seconds=S persons_per_second=P cpu_seconds=C persons_per_cpu_second=Q
///   scoring mode=points+reasons ...
/// (wall time, and this thread's CPU time, which a machine shared with other work does not inflate).
/// Build in release (`swift build -c release --product credence-bench-scoring`).
struct Options {
    var rows = 1_000_000
    var features = 16
    var repeats = 5

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var index = 0
        while index < arguments.count {
            guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value > 0 else { return nil }
            switch arguments[index] {
            case "--rows": options.rows = value
            case "--features": options.features = value
            case "--repeats": options.repeats = value
            default: return nil
            }
            index += 2
        }
        return options
    }
}

/// A scorecard shaped like the federation's: mostly numeric features of 4 to 8 bins, every fourth categorical.
func syntheticModel(features count: Int, generator: inout SplitMix64) -> ScorecardModel {
    let features = (0..<count).map { index -> ScorecardFeature in
        func points() -> Double { Double.random(in: -40...40, using: &generator) }
        if index % 4 == 3 {
            return ScorecardFeature(
                name: "category_\(index)", reasonCode: "C\(index)", reason: "Category \(index)", kind: .categorical,
                bins: [
                    ScorecardBin(range: .categories(["a", "b"]), points: points()),
                    ScorecardBin(range: .categories(["c"]), points: points()),
                    ScorecardBin(range: .otherCategories, points: points()),
                ], missingPoints: points())
        }
        let thresholds = (1..<Int.random(in: 4...8, using: &generator)).map { Double($0) * 10 }
        let lowers: [Double?] = [nil] + thresholds
        let uppers: [Double?] = thresholds + [nil]
        return ScorecardFeature(
            name: "numeric_\(index)", reasonCode: "N\(index)", reason: "Numeric \(index)", kind: .numeric,
            bins: lowers.indices.map {
                ScorecardBin(range: .interval(lower: lowers[$0], upper: uppers[$0]), points: points())
            }, missingPoints: points())
    }
    return ScorecardModel(
        modelVersion: "bench", created: "2025-01-01T00:00:00Z", target: "bad", scaling: ScoreScaling(),
        basePoints: 500, features: features)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// This thread's CPU time: on a machine shared with builds, wall time also counts the time others held the core.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs the measurement on locals: top-level variables of main.swift are globals, and every access to one
/// pays an isolation check that would be measured along with the scoring.
func measure(_ options: Options) {
    var generator = SplitMix64(seed: 2025)
    let model = syntheticModel(features: options.features, generator: &generator)
    do {
        try model.validate()
    } catch {
        print("error: the synthetic model is invalid: \(error)")
        exit(1)
    }
    let compiled = CompiledScorecard(model)
    var matrix = FeatureMatrix(rowCount: options.rows, featureCount: options.features)
    for feature in 0..<options.features {
        for row in 0..<options.rows {
            // One value in twenty missing; categorical columns hold their codes.
            if Int.random(in: 0..<20, using: &generator) == 0 { continue }
            matrix[feature: feature, row: row] =
                model.features[feature].kind == .categorical
                ? compiled.encode(.category(["a", "b", "c", "d"].randomElement(using: &generator)!), feature: feature)
                : Double.random(in: 0..<90, using: &generator)
        }
    }
    let clock = ContinuousClock()
    var checksum = 0.0
    for mode in ["points", "points+reasons"] {
        var best = Double.infinity
        var bestCPU = Double.infinity
        for _ in 0..<options.repeats {
            let start = clock.now
            let startCPU = threadCPUSeconds()
            if mode == "points" {
                checksum += compiled.points(matrix).reduce(0, +)
            } else {
                let scores = compiled.score(matrix)
                checksum += scores.points.reduce(0, +) + Double(scores.reasonFeatures.reduce(0) { $0 &+ Int($1) })
            }
            best = min(best, seconds(clock.now - start))
            bestCPU = min(bestCPU, threadCPUSeconds() - startCPU)
        }
        print(
            "scoring mode=\(mode) rows=\(options.rows) features=\(options.features) seconds=\(best) "
                + "persons_per_second=\(Int(Double(options.rows) / best)) cpu_seconds=\(bestCPU) "
                + "persons_per_cpu_second=\(Int(Double(options.rows) / bestCPU))")
    }
    // Printed so the optimizer cannot drop the scoring.
    print("checksum=\(checksum)")
}

guard let options = Options.parse(Array(CommandLine.arguments.dropFirst())) else {
    print("usage: credence-bench-scoring [--rows N] [--features F] [--repeats R]")
    exit(2)
}
measure(options)
