/// A feature's reason code and the sentence a consumer reads.
public struct ReasonText: Sendable, Equatable {
    public var code: String
    public var sentence: String

    public init(code: String, sentence: String) {
        self.code = code
        self.sentence = sentence
    }
}

/// How ``ScorecardFitter`` builds a model; the defaults are the ones protocol/scorecard.md documents.
public struct ScorecardFitSettings: Sendable {
    public var scaling = ScoreScaling()
    public var binning = BinningSettings()
    /// Columns whose information value is below this are left out.
    public var minimumInformationValue = 0.02
    /// Of two columns whose WoE codings correlate more than this (absolute), the one with the lower information
    /// value is left out; nil keeps both.
    public var maximumCorrelation: Double? = 0.9
    /// A text column with more distinct values is not a category (an identifier, free text) and is left out.
    public var maximumCategories = 50
    /// The logistic regression's ridge penalty.
    public var ridge = 1e-4
    /// Declared bad-rate directions of numeric columns; the others are detected.
    public var trends: [String: BadRateTrend] = [:]
    /// Reason codes and sentences by column; the others are generated from the column name and trend.
    public var reasons: [String: ReasonText] = [:]
    /// The approval cutoff for the adverse impact report; nil approves the training good rate.
    public var cutoff: Int?
    public var modelVersion: String
    public var created: String
    /// What "bad" means, for the model's `target`.
    public var target: String

    public init(modelVersion: String, created: String, target: String) {
        self.modelVersion = modelVersion
        self.created = created
        self.target = target
    }
}

/// What the fit did with one candidate column.
public struct CandidateSummary: Sendable, Equatable {
    public let name: String
    /// Nil when the column could not be binned at all.
    public let informationValue: Double?
    public let binCount: Int
    public let trend: BadRateTrend?
    /// Why the model does not use the column; nil when it does.
    public let screenedReason: String?
}

/// A fitted model with what the fit measured on its training data.
public struct ScorecardFit: Sendable {
    public let model: ScorecardModel
    /// Every candidate column, the model's features first (by information value), then the screened ones.
    public let candidates: [CandidateSummary]
    public let discrimination: Discrimination
    /// The approval cutoff of the adverse impact report and the share of training rows it approves.
    public let cutoff: Int
    public let approvedShare: Double
    public let adverseImpact: [AdverseImpactReport]
}

/// Builds a scorecard from a labeled table: binning with a monotonic bad rate, weight of evidence, information
/// value screening, correlation screening, logistic regression on the WoE codings (dropping any feature whose
/// coefficient comes out with the wrong sign, and refitting), and points scaling. protocol/scorecard.md gives
/// the arithmetic.
public enum ScorecardFitter {
    /// Fits a model of `isBad` on `candidates`; `protected` columns are never features, only grouped for the
    /// adverse impact report.
    public static func fit(
        candidates: [TrainingColumn], isBad: [Bool], protected: [TrainingColumn] = [], settings: ScorecardFitSettings
    ) throws(ScorecardError) -> ScorecardFit {
        try check(settings: settings, candidates: candidates, protected: protected, rows: isBad.count)
        let bads = isBad.filter { $0 }.count
        guard bads > 0, bads < isBad.count else {
            throw ScorecardError(
                .unusableTrainingData,
                "the target has only \(bads == 0 ? "good" : "bad") outcomes in \(isBad.count) rows: "
                    + "a model needs both goods and bads")
        }
        var summaries: [CandidateSummary] = []
        var kept: [(column: BinnedColumn, coding: WoECoding)] = []
        for candidate in candidates {
            switch screen(candidate, isBad: isBad, settings: settings) {
            case .screened(let summary): summaries.append(summary)
            case .kept(let column, let coding): kept.append((column, coding))
            }
        }
        kept.sort { $0.coding.informationValue > $1.coding.informationValue }
        var features = kept.map { WoEFeature(column: $0.column, coding: $0.coding) }
        features = screenCorrelated(features, settings: settings, screened: &summaries)
        let (regression, used) = try regress(features, isBad: isBad, settings: settings, screened: &summaries)
        let model = try buildModel(used, regression: regression, rows: isBad.count, bads: bads, settings: settings)
        // Score the training rows from their bins, exactly as the model scores them.
        var points = Array(repeating: model.basePoints, count: isBad.count)
        for (feature, modelFeature) in zip(used, model.features) {
            for (row, bin) in feature.column.rowBins.enumerated() {
                points[row] += bin < 0 ? modelFeature.missingPoints : modelFeature.bins[Int(bin)].points
            }
        }
        let discrimination = Discrimination(scores: points, isBad: isBad)
        var fitted = model
        fitted.fit = FitSummary(
            rows: isBad.count, bads: bads, auc: discrimination.auc, gini: discrimination.gini, ks: discrimination.ks,
            minimumInformationValue: settings.minimumInformationValue,
            screenedOut: summaries.map {
                ScreenedColumn(name: $0.name, informationValue: $0.informationValue, reason: $0.screenedReason ?? "")
            })
        try fitted.validate()
        let scores = points.map(ScorecardModel.presentedScore)
        let cutoff =
            settings.cutoff
            ?? AdverseImpact.defaultCutoff(scores: scores, goodRate: 1 - Double(bads) / Double(isBad.count))
        let usedSummaries = used.map { feature in
            CandidateSummary(
                name: feature.column.name, informationValue: feature.coding.informationValue,
                binCount: feature.column.ranges.count, trend: feature.column.trend, screenedReason: nil)
        }
        return ScorecardFit(
            model: fitted, candidates: usedSummaries + summaries, discrimination: discrimination, cutoff: cutoff,
            approvedShare: Double(scores.filter { $0 >= cutoff }.count) / Double(scores.count),
            adverseImpact: protected.map { AdverseImpact.analyze(column: $0, scores: scores, cutoff: cutoff) })
    }

    private static func check(
        settings: ScorecardFitSettings, candidates: [TrainingColumn], protected: [TrainingColumn], rows: Int
    ) throws(ScorecardError) {
        func invalid(_ message: String) -> ScorecardError { ScorecardError(.invalidSettings, message) }
        if let problem = settings.scaling.problem { throw invalid(problem) }
        guard settings.binning.fineBinCount >= 2 else {
            throw invalid("fine bin count \(settings.binning.fineBinCount): at least 2 is expected")
        }
        guard settings.binning.minimumBinShare > 0, settings.binning.minimumBinShare <= 0.5 else {
            throw invalid("minimum bin share \(settings.binning.minimumBinShare): a share in (0, 0.5] is expected")
        }
        guard settings.minimumInformationValue >= 0, settings.minimumInformationValue.isFinite else {
            throw invalid("minimum information value \(settings.minimumInformationValue): 0 or more is expected")
        }
        if let correlation = settings.maximumCorrelation, !(correlation > 0 && correlation <= 1) {
            throw invalid("maximum correlation \(correlation): a value in (0, 1] is expected")
        }
        guard rows > 0 else { throw ScorecardError(.unusableTrainingData, "the training data has no rows") }
        var names: Set<String> = []
        for column in candidates + protected {
            guard column.rowCount == rows else {
                throw invalid("column '\(column.name)' has \(column.rowCount) rows, the target \(rows)")
            }
            guard names.insert(column.name).inserted else {
                throw invalid("column '\(column.name)' is given twice (as a candidate and as protected?)")
            }
        }
        for column in candidates {
            if let banned = BannedInputs.match(column.name) {
                throw ScorecardError(
                    .bannedInput,
                    "column '\(column.name)' is a banned input (\(banned)): a model may not use it; declare it "
                        + "protected to measure adverse impact on it, or exclude it")
            }
        }
        for name in settings.trends.keys.sorted() {
            guard let column = candidates.first(where: { $0.name == name }) else {
                throw invalid("a trend is declared for '\(name)', which is not a candidate column")
            }
            guard case .numeric = column.values else {
                throw invalid("a trend is declared for '\(name)', which is not numeric (categories have no order)")
            }
        }
    }

    private enum Screening {
        case kept(BinnedColumn, WoECoding)
        case screened(CandidateSummary)
    }

    /// Bins one candidate and decides whether it carries enough information to be considered.
    private static func screen(_ candidate: TrainingColumn, isBad: [Bool], settings: ScorecardFitSettings)
        -> Screening
    {
        func screened(_ reason: String, _ column: BinnedColumn? = nil, _ informationValue: Double? = nil)
            -> Screening
        {
            .screened(
                CandidateSummary(
                    name: candidate.name, informationValue: informationValue, binCount: column?.ranges.count ?? 0,
                    trend: column?.trend, screenedReason: reason))
        }
        let column: BinnedColumn
        switch candidate.values {
        case .numeric(let values):
            guard values.contains(where: { !$0.isNaN }) else { return screened("no values") }
            column = Binning.numeric(
                name: candidate.name, values: values, isBad: isBad, trend: settings.trends[candidate.name],
                settings: settings.binning)
        case .categorical(let codes, let categories):
            guard codes.contains(where: { $0 >= 0 }) else { return screened("no values") }
            guard categories.count <= settings.maximumCategories else {
                return screened(
                    "\(categories.count) distinct values, more than \(settings.maximumCategories) categories "
                        + "(an identifier or free text? exclude it, or group its values first)")
            }
            column = Binning.categorical(
                name: candidate.name, codes: codes, categories: categories, isBad: isBad, settings: settings.binning)
        }
        let coding = WoECoding(column)
        guard coding.informationValue >= settings.minimumInformationValue else {
            return screened(
                "information value below \(settings.minimumInformationValue)", column, coding.informationValue)
        }
        return .kept(column, coding)
    }

    /// Leaves out, in decreasing information value, every feature too correlated with one already kept.
    private static func screenCorrelated(
        _ features: [WoEFeature], settings: ScorecardFitSettings, screened: inout [CandidateSummary]
    ) -> [WoEFeature] {
        guard let limit = settings.maximumCorrelation else { return features }
        var kept: [WoEFeature] = []
        for feature in features {
            let correlations = kept.map { (name: $0.column.name, value: correlation($0.values, feature.values)) }
            if let strongest = correlations.max(by: { abs($0.value) < abs($1.value) }), abs(strongest.value) > limit {
                screened.append(
                    feature.summary(
                        screened: "correlated \(rounded(strongest.value)) with '\(strongest.name)', "
                            + "which has a higher information value"))
            } else {
                kept.append(feature)
            }
        }
        return kept
    }

    /// Fits the regression, dropping the feature with the most wrongly signed coefficient until every
    /// coefficient is positive (a higher WoE, a safer bin, must never cost points).
    private static func regress(
        _ features: [WoEFeature], isBad: [Bool], settings: ScorecardFitSettings, screened: inout [CandidateSummary]
    ) throws(ScorecardError) -> (LogisticRegression.Fit, [WoEFeature]) {
        var features = features
        let isGood = isBad.map { !$0 }
        while !features.isEmpty {
            let fit = LogisticRegression.fit(columns: features.map(\.values), positive: isGood, ridge: settings.ridge)
            guard let worst = fit.coefficients.indices.min(by: { fit.coefficients[$0] < fit.coefficients[$1] }),
                fit.coefficients[worst] <= 0
            else { return (fit, features) }
            screened.append(
                features[worst].summary(
                    screened: "coefficient \(rounded(fit.coefficients[worst])) has the wrong sign next to the "
                        + "other features (its information is already in them)"))
            features.remove(at: worst)
        }
        throw ScorecardError(
            .unusableTrainingData,
            "no column predicts the target: every candidate was screened out (information value below "
                + "\(settings.minimumInformationValue), too many categories, or no values)")
    }

    private static func buildModel(
        _ features: [WoEFeature], regression: LogisticRegression.Fit, rows: Int, bads: Int,
        settings: ScorecardFitSettings
    ) throws(ScorecardError) -> ScorecardModel {
        let factor = settings.scaling.factor
        var usedCodes = Set(features.compactMap { settings.reasons[$0.column.name]?.code })
        let modelFeatures = zip(features, regression.coefficients).map { feature, coefficient in
            let column = feature.column
            var bins = column.ranges.indices.map { index in
                let count = column.goods[index] + column.bads[index]
                return ScorecardBin(
                    range: column.ranges[index], points: factor * coefficient * feature.coding.bins[index],
                    statistics: BinStatistics(
                        count: count, badRate: Double(column.bads[index]) / Double(max(count, 1)),
                        woe: feature.coding.bins[index]))
            }
            // Values never seen in training earn the points of no evidence either way (WoE 0).
            if column.kind == .categorical { bins.append(ScorecardBin(range: .otherCategories, points: 0)) }
            let missingCount = column.missingGoods + column.missingBads
            let reason = settings.reasons[column.name] ?? generatedReason(for: column, taken: usedCodes)
            usedCodes.insert(reason.code)
            return ScorecardFeature(
                name: column.name, reasonCode: reason.code, reason: reason.sentence, kind: column.kind, bins: bins,
                missingPoints: factor * coefficient * feature.coding.missing,
                missing: missingCount > 0
                    ? BinStatistics(
                        count: missingCount, badRate: Double(column.missingBads) / Double(missingCount),
                        woe: feature.coding.missing) : nil,
                trend: column.trend, informationValue: feature.coding.informationValue, coefficient: coefficient)
        }
        return ScorecardModel(
            modelVersion: settings.modelVersion, created: settings.created, target: settings.target,
            scaling: settings.scaling, basePoints: settings.scaling.offset + factor * regression.intercept,
            features: modelFeatures)
    }

    /// A reason code from the column name (`revolving_utilization` → `REVOLVING_UTILIZATION`) and a sentence
    /// from its name and trend ("Revolving utilization is high").
    static func generatedReason(for column: BinnedColumn, taken: Set<String>) -> ReasonText {
        let tokens = BannedInputs.tokens(of: column.name)
        let base = String(tokens.joined(separator: "_").uppercased().prefix(40))
        var code = base.isEmpty ? "FEATURE" : base
        var suffix = 2
        while taken.contains(code) {
            code = "\(base)_\(suffix)"
            suffix += 1
        }
        let words = tokens.joined(separator: " ")
        let subject = words.prefix(1).uppercased() + words.dropFirst()
        let sentence =
            switch (column.kind, column.trend) {
            case (.numeric, .increasing): "\(subject) is high"
            case (.numeric, .decreasing): "\(subject) is low"
            case (.numeric, nil): "\(subject) is in a higher-risk range"
            case (.categorical, _): "\(subject) is in a higher-risk group"
            }
        return ReasonText(code: code, sentence: sentence)
    }

    /// Pearson correlation of two equally long columns (0 when either is constant).
    static func correlation(_ first: [Double], _ second: [Double]) -> Double {
        let count = Double(first.count)
        let firstMean = first.reduce(0, +) / count
        let secondMean = second.reduce(0, +) / count
        var covariance = 0.0
        var firstVariance = 0.0
        var secondVariance = 0.0
        for index in first.indices {
            let a = first[index] - firstMean
            let b = second[index] - secondMean
            covariance += a * b
            firstVariance += a * a
            secondVariance += b * b
        }
        guard firstVariance > 0, secondVariance > 0 else { return 0 }
        return covariance / (firstVariance * secondVariance).squareRoot()
    }

    private static func rounded(_ value: Double) -> String {
        plainText(of: (value * 1000).rounded() / 1000)
    }
}

/// A binned column's weights of evidence: per bin, for missing values, and the information value.
struct WoECoding: Sendable {
    let bins: [Double]
    let missing: Double
    let informationValue: Double

    init(_ column: BinnedColumn) {
        (bins, missing, informationValue) = column.weightOfEvidence
    }
}

/// A candidate that passed information value screening, with every training row's WoE.
private struct WoEFeature {
    let column: BinnedColumn
    let coding: WoECoding
    let values: [Double]

    init(column: BinnedColumn, coding: WoECoding) {
        self.column = column
        self.coding = coding
        values = column.rowBins.map { $0 < 0 ? coding.missing : coding.bins[Int($0)] }
    }

    func summary(screened reason: String) -> CandidateSummary {
        CandidateSummary(
            name: column.name, informationValue: coding.informationValue, binCount: column.ranges.count,
            trend: column.trend, screenedReason: reason)
    }
}
