import CredenceProtocol

extension ScorecardModel {
    /// Parses a model document strictly (unknown members, duplicate members and wrong types are errors) and
    /// checks it with ``validate(allowedFeatures:)``.
    ///
    /// - Parameter allowedFeatures: the features the caller can compute (the aggregator's catalog); nil accepts
    ///   any feature name that is not banned.
    public static func decode(json: [UInt8], allowedFeatures: Set<String>? = nil) throws(ScorecardError)
        -> ScorecardModel
    {
        let document: JSONValue
        do {
            document = try StrictJSONParser.parse(json)
        } catch {
            throw ScorecardError(.malformedModel, "the model is not valid JSON: \(error.message)")
        }
        // The version first: a document of another version fails on it, not on the first member that changed.
        guard case .object(let object) = document else {
            throw ScorecardError(.malformedModel, "the model is a JSON \(document.typeName), an object is expected")
        }
        guard case .string(let format)? = object["format"] else {
            throw ScorecardError(.malformedModel, "/format: the model has no 'format' string (\(currentFormat))")
        }
        guard format == currentFormat else {
            throw ScorecardError(
                .malformedModel, "/format: '\(format)' is not \(currentFormat), the only format this loader reads")
        }
        let model: ScorecardModel
        do {
            model = try StrictDecoder.decode(ScorecardModel.self, from: document)
        } catch {
            throw ScorecardError(.malformedModel, error.message)
        }
        try model.validate(allowedFeatures: allowedFeatures)
        return model
    }

    /// Checks what the JSON types cannot: the scaling is usable, features are unique, no feature is banned or
    /// outside `allowedFeatures`, numeric bins cover the line exactly once and categorical bins name every
    /// value at most once with one bin for the rest.
    public func validate(allowedFeatures: Set<String>? = nil) throws(ScorecardError) {
        func malformed(_ pointer: String, _ message: String) -> ScorecardError {
            ScorecardError(.malformedModel, "\(pointer): \(message)")
        }
        guard format == Self.currentFormat else {
            throw malformed("/format", "'\(format)' is not \(Self.currentFormat)")
        }
        guard !modelVersion.isEmpty else { throw malformed("/model_version", "the model version is empty") }
        if let problem = scaling.problem { throw malformed("/pdo", problem) }
        guard basePoints.isFinite else { throw malformed("/base_points", "a finite number is expected") }
        guard !features.isEmpty else { throw malformed("/features", "a model has at least one feature") }
        var names: Set<String> = []
        var codes: Set<String> = []
        for (index, feature) in features.enumerated() {
            let pointer = "/features/\(index)"
            guard !feature.name.isEmpty else { throw malformed("\(pointer)/name", "the feature name is empty") }
            if let banned = BannedInputs.match(feature.name) {
                throw ScorecardError(
                    .bannedInput,
                    "\(pointer)/name: feature '\(feature.name)' is a banned input (\(banned)); "
                        + "a model that uses it is refused")
            }
            if let allowedFeatures, !allowedFeatures.contains(feature.name) {
                throw ScorecardError(
                    .featureNotAllowed,
                    "\(pointer)/name: feature '\(feature.name)' is not in the feature catalog this model is loaded for")
            }
            guard names.insert(feature.name).inserted else {
                throw malformed("\(pointer)/name", "feature '\(feature.name)' appears twice")
            }
            guard !feature.reasonCode.isEmpty, !feature.reason.isEmpty else {
                throw malformed("\(pointer)/reason_code", "a feature has a non-empty reason code and reason")
            }
            guard codes.insert(feature.reasonCode).inserted else {
                throw malformed("\(pointer)/reason_code", "reason code '\(feature.reasonCode)' appears twice")
            }
            guard feature.missingPoints.isFinite else {
                throw malformed("\(pointer)/missing_points", "a finite number is expected")
            }
            if let statistics = feature.missing, let problem = statistics.problem {
                throw malformed("\(pointer)/missing", problem)
            }
            if feature.kind == .categorical, feature.trend != nil {
                throw malformed("\(pointer)/trend", "a categorical feature has no trend")
            }
            try feature.validateBins(at: pointer)
        }
        if let fit, fit.rows < 0 || fit.bads < 0 || fit.bads > fit.rows {
            throw malformed("/fit", "bads \(fit.bads) of rows \(fit.rows): 0 <= bads <= rows is expected")
        }
    }
}

extension ScorecardFeature {
    fileprivate func validateBins(at pointer: String) throws(ScorecardError) {
        func malformed(_ bin: Int?, _ message: String) -> ScorecardError {
            ScorecardError(.malformedModel, "\(pointer)/bins\(bin.map { "/\($0)" } ?? ""): \(message)")
        }
        guard !bins.isEmpty else { throw malformed(nil, "a feature has at least one bin") }
        for (index, bin) in bins.enumerated() {
            guard bin.points.isFinite else { throw malformed(index, "points: a finite number is expected") }
            if let problem = bin.statistics?.problem { throw malformed(index, problem) }
        }
        switch kind {
        case .numeric:
            for (index, bin) in bins.enumerated() {
                guard case .interval(let lower, let upper) = bin.range else {
                    throw malformed(index, "a numeric feature's bins are intervals ('lower' and 'upper')")
                }
                if index == 0, lower != nil {
                    throw malformed(
                        index, "the first bin is open below ('lower': null): values below it would have no bin")
                }
                if index == bins.count - 1, upper != nil {
                    throw malformed(
                        index, "the last bin is open above ('upper': null): values above it would have no bin")
                }
                if index > 0 {
                    guard let lower else { throw malformed(index, "only the first bin is open below") }
                    guard case .interval(_, let previousUpper) = bins[index - 1].range, previousUpper == lower else {
                        throw malformed(
                            index, "'lower' \(lower) differs from the previous bin's 'upper' (a gap or an overlap)")
                    }
                    if let upper, !(lower < upper) {
                        throw malformed(index, "'lower' \(lower) is not below 'upper' \(upper)")
                    }
                }
            }
        case .categorical:
            var seen: Set<String> = []
            var otherBins = 0
            for (index, bin) in bins.enumerated() {
                switch bin.range {
                case .interval:
                    throw malformed(index, "a categorical feature's bins are 'values' sets or the 'other' bin")
                case .otherCategories: otherBins += 1
                case .categories(let values):
                    guard !values.isEmpty else { throw malformed(index, "'values' is empty") }
                    for value in values {
                        guard !value.isEmpty else {
                            throw malformed(index, "an empty value (a missing value scores 'missing_points')")
                        }
                        guard seen.insert(value).inserted else {
                            throw malformed(index, "value '\(value)' appears in two bins")
                        }
                    }
                }
            }
            guard otherBins == 1 else {
                throw malformed(nil, "a categorical feature has exactly one 'other' bin (found \(otherBins))")
            }
        }
    }
}

extension BinStatistics {
    /// Why these statistics cannot be right, or nil.
    fileprivate var problem: String? {
        guard count >= 0 else { return "count \(count) is negative" }
        guard badRate >= 0, badRate <= 1 else { return "bad_rate \(badRate) is outside 0...1" }
        guard woe.isFinite else { return "woe is not finite" }
        return nil
    }
}
