import CSVFiles
public import CredenceIdentity
public import CredenceProtocol
import CreditFeatures

/// `credence features` as a library: read batch envelope files, give each record to the persons its subjects
/// are (through `persons.csv`), compute every person's features at their as-of date, and write the feature
/// table `person_id,<catalog features>` (an empty cell is a missing feature).
///
/// Memory holds one reduced file per person (dates as integers, no identifiers), never the batches: each
/// envelope is read, applied and dropped.
public struct FeatureTableJob: Sendable {
    public var envelopeDirectories: [String]
    public var personsPath: String
    /// Tokenizes `partner_id,local_key` rows of the persons file into subject keys, as adapters do.
    public var linkageKey: LinkageKey?
    /// The as-of date of persons without one of their own.
    public var asOf: CalendarDate?
    /// The column of `persons.csv` with each person's own as-of date.
    public var asOfColumn: String?
    public var inquiriesPath: String?
    public var envelopes: EnvelopeFiles
    public var outputPath: String

    public init(
        envelopeDirectories: [String], personsPath: String, linkageKey: LinkageKey? = nil, asOf: CalendarDate?,
        asOfColumn: String? = nil, inquiriesPath: String? = nil, envelopes: EnvelopeFiles = EnvelopeFiles(),
        outputPath: String
    ) {
        self.envelopeDirectories = envelopeDirectories
        self.personsPath = personsPath
        self.linkageKey = linkageKey
        self.asOf = asOf
        self.asOfColumn = asOfColumn
        self.inquiriesPath = inquiriesPath
        self.envelopes = envelopes
        self.outputPath = outputPath
    }

    /// Runs every stage; the output is replaced only when all succeeded (its temporary file is created first,
    /// so an unwritable path fails before the work).
    public func run() throws(FeatureFileError) -> FeatureTableReport {
        guard asOf != nil || asOfColumn != nil else {
            throw FeatureFileError(.usage, "give --as-of, --as-of-column, or both")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let output = try FeatureFileError.csv { () throws(CSVFileError) in try AtomicFileWriter(path: outputPath) }
        let persons = try PersonMap.read(path: personsPath, asOfColumn: asOfColumn, linkageKey: linkageKey)
        let inquiries = try inquiriesPath.map { path throws(FeatureFileError) in
            try InquiryLog.read(path: path, persons: persons)
        }
        let paths = try EnvelopeFiles.list(envelopeDirectories)
        var report = FeatureTableReport(
            envelopeFiles: paths.count, persons: persons.count, conflictingSubjectRows: persons.conflictingRows,
            unknownInquiryRows: inquiries?.unknownPersonRows ?? 0)

        var files: [PersonFile?] = Array(repeating: nil, count: persons.count)
        var seenBatches = Set<SHA256Digest>()
        var personsOfRecord: [Int32] = []
        for path in paths {
            let (batch, batchID) = try envelopes.read(path)
            guard seenBatches.insert(batchID).inserted else {
                report.duplicateBatches += 1
                continue
            }
            report.batches += 1
            let source = BatchSource(batch, batchID: batchID)
            for record in batch.records {
                report.records += 1
                personsOfRecord.removeAll(keepingCapacity: true)
                for subject in record.subjects {
                    if let person = persons.person(of: subject.subjectKey), !personsOfRecord.contains(person) {
                        personsOfRecord.append(person)
                    }
                }
                if personsOfRecord.isEmpty { report.unmappedRecords += 1 }
                for person in personsOfRecord {
                    let index = Int(person)
                    if files[index] == nil { files[index] = PersonFile(subjectKeys: Set(persons.subjectKeys[index])) }
                    files[index]!.add(record, from: source)
                }
            }
        }
        report.readingTime = clock.now - start

        let computing = clock.now
        try FeatureFileError.csv { () throws(CSVFileError) in
            try output.writeRecord(["person_id"] + FeatureCatalog.names)
        }
        for (index, personID) in persons.personIDs.enumerated() {
            guard let asOf = persons.asOfDates[index] ?? asOf else {
                throw FeatureFileError(
                    .input,
                    "\(personsPath): a person has no \(asOfColumn ?? "as-of") date and no --as-of is given "
                        + "(person number \(index + 1) in file order)")
            }
            var file = files[index] ?? PersonFile(subjectKeys: [])
            file.inquiries = inquiries?.dates[index]
            files[index] = nil
            let features = file.features(asOf: asOf)
            if file.factCount > 0 { report.personsWithRecords += 1 }
            try FeatureFileError.csv { () throws(CSVFileError) in
                try output.writeRecord([personID] + features.vector.values.map(FeatureVector.text(of:)))
            }
        }
        try FeatureFileError.csv { () throws(CSVFileError) in try output.commit() }
        report.computingTime = clock.now - computing
        report.totalTime = clock.now - start
        return report
    }
}

/// What `credence features` did, for its summary line on standard error.
public struct FeatureTableReport: Sendable, CustomStringConvertible {
    public var envelopeFiles: Int
    public var batches = 0
    /// Envelope files whose batch was already read (the same batch in two directories, a copy).
    public var duplicateBatches = 0
    public var records = 0
    /// Records none of whose subjects is in `persons.csv`.
    public var unmappedRecords = 0
    public var persons: Int
    public var personsWithRecords = 0
    public var conflictingSubjectRows: Int
    public var unknownInquiryRows: Int
    public var readingTime: Duration = .zero
    public var computingTime: Duration = .zero
    public var totalTime: Duration = .zero

    public var description: String {
        var lines = [
            "read \(envelopeFiles) envelope files: \(batches) batches (\(duplicateBatches) duplicates skipped), "
                + "\(records) records, \(unmappedRecords) about no person in the persons file",
            "wrote \(persons) persons (\(personsWithRecords) with records) x \(CreditFeature.allCases.count) features "
                + "in \(Self.seconds(totalTime)) (reading \(Self.seconds(readingTime)), computing and writing "
                + "\(Self.seconds(computingTime)))",
        ]
        if conflictingSubjectRows > 0 {
            lines.append(
                "warning: \(conflictingSubjectRows) persons-file rows give a subject key that an earlier row gave "
                    + "another person; the first person keeps it")
        }
        if unknownInquiryRows > 0 {
            lines.append("warning: \(unknownInquiryRows) inquiry rows name a person not in the persons file; skipped")
        }
        return lines.joined(separator: "\n")
    }

    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return "\(Double(milliseconds) / 1000) s"
    }
}
