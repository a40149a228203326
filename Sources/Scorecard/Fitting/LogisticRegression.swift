#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Logistic regression by Newton's method (iteratively reweighted least squares) with a small ridge penalty on
/// the coefficients (not the intercept): the penalty keeps the Newton system solvable when two columns are
/// collinear or a column separates the outcomes, and is too small to move a well-posed fit.
public enum LogisticRegression {
    public struct Fit: Sendable, Equatable {
        public let intercept: Double
        public let coefficients: [Double]
        /// Newton steps taken.
        public let iterations: Int
    }

    /// Fits P(positive) = 1 / (1 + e^−(intercept + Σ coefficients[j] · columns[j][row])).
    public static func fit(columns: [[Double]], positive: [Bool], ridge: Double = 1e-4, maximumIterations: Int = 50)
        -> Fit
    {
        let rows = positive.count
        let parameters = columns.count + 1
        let positives = Double(positive.filter { $0 }.count)
        // Start from the intercept-only fit: Newton then converges in a handful of steps.
        var beta = Array(repeating: 0.0, count: parameters)
        beta[0] = positives > 0 && positives < Double(rows) ? log(positives / (Double(rows) - positives)) : 0
        var objective = penalizedLogLikelihood(beta, columns: columns, positive: positive, ridge: ridge)
        var iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            var gradient = Array(repeating: 0.0, count: parameters)
            var hessian = Array(repeating: 0.0, count: parameters * parameters)
            var row = Array(repeating: 1.0, count: parameters)
            for index in 0..<rows {
                for column in 0..<columns.count { row[column + 1] = columns[column][index] }
                let probability = logistic(linear(beta, row))
                let residual = (positive[index] ? 1 : 0) - probability
                let weight = probability * (1 - probability)
                for first in 0..<parameters {
                    gradient[first] += residual * row[first]
                    let scaled = weight * row[first]
                    for second in first..<parameters { hessian[first * parameters + second] += scaled * row[second] }
                }
            }
            for first in 0..<parameters {
                for second in 0..<first { hessian[first * parameters + second] = hessian[second * parameters + first] }
                if first > 0 {
                    gradient[first] -= ridge * beta[first]
                    hessian[first * parameters + first] += ridge
                }
            }
            guard let step = solveSymmetricPositiveDefinite(hessian, gradient, size: parameters) else { break }
            // Halve the step while it lowers the penalized likelihood (it rarely does near the optimum).
            var scale = 1.0
            var candidate = beta
            var candidateObjective = objective
            repeat {
                candidate = zip(beta, step).map { $0 + scale * $1 }
                candidateObjective = penalizedLogLikelihood(
                    candidate, columns: columns, positive: positive, ridge: ridge)
                scale /= 2
            } while candidateObjective < objective - 1e-12 && scale > 1e-6
            let change = zip(beta, candidate).map { abs($0 - $1) }.max() ?? 0
            beta = candidate
            objective = candidateObjective
            if change < 1e-10 { break }
        }
        return Fit(intercept: beta[0], coefficients: Array(beta.dropFirst()), iterations: iterations)
    }

    static func logistic(_ value: Double) -> Double { 1 / (1 + exp(-value)) }

    private static func linear(_ beta: [Double], _ row: [Double]) -> Double {
        var sum = 0.0
        for index in beta.indices { sum += beta[index] * row[index] }
        return sum
    }

    private static func penalizedLogLikelihood(_ beta: [Double], columns: [[Double]], positive: [Bool], ridge: Double)
        -> Double
    {
        var total = 0.0
        for index in positive.indices {
            var eta = beta[0]
            for column in columns.indices { eta += beta[column + 1] * columns[column][index] }
            // log σ(η) = −log(1 + e^−η), written to stay finite for large |η|.
            let signed = positive[index] ? eta : -eta
            total -= signed > 0 ? log1p(exp(-signed)) : -signed + log1p(exp(signed))
        }
        return total - 0.5 * ridge * beta.dropFirst().reduce(0) { $0 + $1 * $1 }
    }

    /// Solves A·x = b by Cholesky decomposition (A row-major, symmetric positive definite); nil if it is not.
    static func solveSymmetricPositiveDefinite(_ matrix: [Double], _ vector: [Double], size: Int) -> [Double]? {
        var lower = Array(repeating: 0.0, count: size * size)
        for row in 0..<size {
            for column in 0...row {
                var sum = matrix[row * size + column]
                for inner in 0..<column { sum -= lower[row * size + inner] * lower[column * size + inner] }
                if row == column {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[row * size + row] = sum.squareRoot()
                } else {
                    lower[row * size + column] = sum / lower[column * size + column]
                }
            }
        }
        var forward = Array(repeating: 0.0, count: size)
        for row in 0..<size {
            var sum = vector[row]
            for inner in 0..<row { sum -= lower[row * size + inner] * forward[inner] }
            forward[row] = sum / lower[row * size + row]
        }
        var solution = Array(repeating: 0.0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = forward[row]
            for inner in (row + 1)..<size { sum -= lower[inner * size + row] * solution[inner] }
            solution[row] = sum / lower[row * size + row]
        }
        return solution
    }
}
