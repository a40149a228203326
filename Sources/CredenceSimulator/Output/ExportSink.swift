import CredenceProtocol
import Foundation
import Metro2

/// Appends chunks to the output files in chunk order, so the files are the same whatever order chunks
/// finish in. Metro 2 records are encoded here, one encoder per file, because the trailer totals every
/// record of the file; JSON Lines arrive already serialized. Memory holds only the chunks in flight.
final class ExportSink {
    private let context: SimulationContext
    private var metro2Files: [Metro2Output] = []
    private var lineFiles: [LineOutput] = []
    private var people: FileOutput
    private var records: FileOutput
    private var subjects: FileOutput
    /// Keys that may name people of several chunks (``SubjectLine/sharedKey``) whose row is written.
    private var sharedSubjectKeys: Set<String> = []
    private var outcomes: FileOutput
    private var invalidRows: FileOutput
    private(set) var statistics = SimulationStatistics()

    private struct FileOutput {
        let handle: FileHandle
        var bytes: Int64 = 0

        init(_ url: URL) throws(SimulationError) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let handle = try? FileHandle(forWritingTo: url)
            else { throw SimulationError(.writeFailed, "cannot create \(url.path)") }
            self.handle = handle
        }

        mutating func write(_ data: [UInt8]) throws(SimulationError) {
            guard !data.isEmpty else { return }
            do {
                try handle.write(contentsOf: data)
            } catch {
                throw SimulationError(.writeFailed, "writing failed: \(error.localizedDescription)")
            }
            bytes += Int64(data.count)
        }

        func close() throws(SimulationError) {
            do { try handle.close() } catch {
                throw SimulationError(.writeFailed, "closing a file failed: \(error.localizedDescription)")
            }
        }
    }

    private struct Metro2Output {
        var file: FileOutput
        var encoder: Metro2CharacterEncoder
        var units = 0
    }

    private struct LineOutput {
        var file: FileOutput
        var units = 0
    }

    init(context: SimulationContext) throws(SimulationError) {
        self.context = context
        let root = context.outputDirectory
        func url(_ path: String) -> URL { root.appendingPathComponent(path) }
        for partner in PartnerCatalog.partners {
            let directory =
                partner.layout == .xArchiveZips
                ? OutputLayout.archiveDirectory(of: partner) : OutputLayout.directory(of: partner)
            try Self.createDirectory(url(directory))
        }
        try Self.createDirectory(url(OutputLayout.truthDirectory))
        for spec in context.layout.metro2Files {
            let encoder = Metro2CharacterEncoder(framing: spec.framing)
            var file = try FileOutput(url(spec.path))
            try file.write(try Self.refusal { () throws(Metro2FieldError) in try encoder.encode(Self.header(spec)) })
            metro2Files.append(Metro2Output(file: file, encoder: encoder))
        }
        for spec in context.layout.lineFiles { lineFiles.append(LineOutput(file: try FileOutput(url(spec.path)))) }
        let truth = OutputLayout.truthDirectory
        people = try FileOutput(url("\(truth)/people.csv"))
        records = try FileOutput(url("\(truth)/records.csv"))
        subjects = try FileOutput(url("\(truth)/subjects.csv"))
        outcomes = try FileOutput(url("\(truth)/outcomes.csv"))
        invalidRows = try FileOutput(url("\(truth)/invalid_rows.csv"))
        try people.write(
            CSVLine.line(
                ["person_id", "household_id", "household_size", "nationality", "sex", "birth_year"]
                    + HardCase.allCases.map(\.rawValue)))
        try records.write(CSVLine.line(["partner_id", "local_key", "person_id", "noise"]))
        try subjects.write(
            CSVLine.line(["partner_id", "local_key", "person_id"] + SubjectStatement.columns + ["noise"]))
        try outcomes.write(CSVLine.line(["person_id", "default_probability", "defaulted"]))
        try invalidRows.write(
            CSVLine.line(["partner_id", "file", "ordinal", "line", "offset", "person_id", "defect"]))
    }

    /// Appends one chunk; chunks must arrive in index order.
    func append(_ chunk: ChunkOutput) throws(SimulationError) {
        var located: [(InvalidUnit, ordinal: Int, line: Int?, offset: Int64?)] = []
        for (slot, chunkRecords) in chunk.metro2Records.enumerated() where !chunkRecords.isEmpty {
            let invalid = Dictionary(
                chunk.invalidUnits.filter { $0.file == .metro2(slot) }.map { ($0.unit, $0) },
                uniquingKeysWith: { a, _ in a })
            var output = metro2Files[slot]
            let newline = context.layout.metro2Files[slot].framing == .newlineDelimited
            var buffer: [UInt8] = []
            buffer.reserveCapacity(chunkRecords.count * 430)
            for (unit, record) in chunkRecords.enumerated() {
                if let defect = invalid[unit] {
                    let ordinal = output.units + unit
                    located.append(
                        (
                            defect, ordinal, newline ? ordinal + 2 : nil,
                            newline ? nil : output.file.bytes + Int64(buffer.count)
                        ))
                }
                buffer += try Self.encode(record, with: &output.encoder)
            }
            try output.file.write(buffer)
            output.units += chunkRecords.count
            metro2Files[slot] = output
        }
        for unit in chunk.invalidUnits {
            switch unit.file {
            case .lines(let slot):
                let ordinal = lineFiles[slot].units + unit.unit
                located.append((unit, ordinal, ordinal + 1, lineFiles[slot].file.bytes + Int64(unit.byteOffset)))
            case .archive:
                located.append((unit, 0, nil, nil))
            case .metro2:
                break
            }
        }
        for (slot, bytes) in chunk.lineBytes.enumerated() {
            try lineFiles[slot].file.write(bytes)
            lineFiles[slot].units += chunk.lineCounts[slot]
        }
        for (unit, ordinal, line, offset) in located.sorted(by: { ($0.0.personIndex, $0.1) < ($1.0.personIndex, $1.1) })
        {
            try invalidRows.write(
                CSVLine.line([
                    unit.partner.id.rawValue, path(of: unit.file), String(ordinal), line.map(String.init) ?? "",
                    offset.map(String.init) ?? "", PersonIdentifiers.personID(unit.personIndex), unit.defect,
                ]))
        }
        try people.write(chunk.peopleCSV)
        try records.write(chunk.recordsCSV)
        var subjectBytes: [UInt8] = []
        for line in chunk.subjectLines {
            if let key = line.sharedKey, !sharedSubjectKeys.insert(key).inserted { continue }
            subjectBytes += line.bytes
        }
        try subjects.write(subjectBytes)
        try outcomes.write(chunk.outcomesCSV)
        statistics.merge(chunk.statistics)
    }

    /// Writes the Metro 2 trailers and closes every file.
    func finish() throws(SimulationError) {
        for output in metro2Files {
            var file = output.file
            let encoder = output.encoder
            try file.write(try Self.refusal { () throws(Metro2FieldError) in try encoder.encodeTrailer() })
            try file.close()
        }
        for output in lineFiles { try output.file.close() }
        for file in [people, records, subjects, outcomes, invalidRows] { try file.close() }
    }

    private func path(of file: InvalidUnit.File) -> String {
        switch file {
        case .metro2(let slot): context.layout.metro2Files[slot].path
        case .lines(let slot): context.layout.lineFiles[slot].path
        case .archive(let path): path
        }
    }

    /// The header of a lender's monthly file: reporter, bureau program ids and the activity date.
    private static func header(_ spec: Metro2FileSpec) -> Metro2Header {
        var header = Metro2Header()
        let id = spec.partner.furnisherID
        header.cycleIdentifier = "01"
        header.equifaxProgramIdentifier = id
        header.experianProgramIdentifier = String(id.prefix(5))
        header.transUnionProgramIdentifier = id
        header.innovisProgramIdentifier = id
        header.activityDate = metro2Date(spec.month.lastDay)
        header.dateCreated = metro2Date(spec.month.lastDay.adding(days: 1))
        header.programDate = metro2Date(SimulationDay(year: 2019, month: 1, day: 15))
        header.programRevisionDate = metro2Date(SimulationDay(year: 2023, month: 6, day: 1))
        header.reporterName = spec.partner.id.rawValue.uppercased().replacingOccurrences(of: "-", with: " ")
        header.reporterAddress = "1 SIMULATION WAY, SPRINGFIELD IL 62701"
        header.reporterTelephoneNumber = "2175550100"
        header.softwareVendorName = "CREDENCE SIMULATOR"
        header.softwareVersionNumber = "1"
        return header
    }

    private static func encode(_ record: Metro2DataRecord, with encoder: inout Metro2CharacterEncoder)
        throws(SimulationError) -> [UInt8]
    {
        try refusal { () throws(Metro2FieldError) in try encoder.encode(record) }
    }

    private static func refusal(_ body: () throws(Metro2FieldError) -> [UInt8]) throws(SimulationError) -> [UInt8] {
        do {
            return try body()
        } catch {
            throw SimulationError(.formatRefused, "the Metro 2 writer refused a generated value: \(error)")
        }
    }

    private static func createDirectory(_ url: URL) throws(SimulationError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SimulationError(.unusableOutput, "cannot create \(url.path): \(error.localizedDescription)")
        }
    }
}
