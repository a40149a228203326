import CredenceProtocol
import Metro2

/// The JSON Lines file a partner writes. A commerce export holds every object of an order in one file, the
/// order (or charge) first and its transactions, refunds and disputes after it, which is what lets a reader
/// join them to the buyer without holding the whole export.
enum LineFileKind: String, Sendable, CaseIterable {
    case shopifyOrders = "orders.jsonl"
    case stripeCharges = "charges.jsonl"
    case oidcClaims = "claims.jsonl"

    static func kinds(for layout: PartnerExportLayout) -> [LineFileKind] {
        switch layout {
        case .shopifyJSONLines: [.shopifyOrders]
        case .stripeJSONLines: [.stripeCharges]
        case .oidcClaimsJSONLines: [.oidcClaims]
        case .metro2NewlineDelimited, .metro2RecordDescriptorWords, .xArchiveZips: []
        }
    }
}

/// One monthly Metro 2 file of a lender.
struct Metro2FileSpec: Sendable {
    let partner: SimulatedPartner
    let month: SimulationMonth
    let path: String
    let framing: Metro2Framing
}

/// One JSON Lines file of a partner.
struct LineFileSpec: Sendable {
    let partner: SimulatedPartner
    let kind: LineFileKind
    let path: String
}

/// Every file of a simulation's output, relative to the output directory, in a fixed order; chunks fill
/// slots of this layout and the sink appends them in chunk order.
struct OutputLayout: Sendable {
    let metro2Files: [Metro2FileSpec]
    let lineFiles: [LineFileSpec]

    static let truthDirectory = "truth"

    init(configuration: SimulationConfiguration) {
        var metro2Files: [Metro2FileSpec] = []
        var lineFiles: [LineFileSpec] = []
        for partner in PartnerCatalog.partners {
            let directory = Self.directory(of: partner)
            switch partner.layout {
            case .metro2NewlineDelimited, .metro2RecordDescriptorWords:
                let newline = partner.layout == .metro2NewlineDelimited
                for offset in 0..<configuration.reportingMonths {
                    let month = configuration.firstReportingMonth.adding(offset)
                    metro2Files.append(
                        Metro2FileSpec(
                            partner: partner, month: month,
                            path: "\(directory)/\(partner.id.rawValue)-\(month)" + (newline ? ".txt" : ".dat"),
                            framing: newline ? .newlineDelimited : .recordDescriptorWords))
                }
            default:
                for kind in LineFileKind.kinds(for: partner.layout) {
                    lineFiles.append(LineFileSpec(partner: partner, kind: kind, path: "\(directory)/\(kind.rawValue)"))
                }
            }
        }
        self.metro2Files = metro2Files
        self.lineFiles = lineFiles
    }

    static func directory(of partner: SimulatedPartner) -> String { "partners/\(partner.id.rawValue)" }

    /// The directory holding the X-archive platform's zips.
    static func archiveDirectory(of partner: SimulatedPartner) -> String { directory(of: partner) + "/archives" }

    func metro2Slot(partner: SimulatedPartner, month: SimulationMonth) -> Int? {
        metro2Files.firstIndex { $0.partner.ordinal == partner.ordinal && $0.month == month }
    }

    func lineSlot(partner: SimulatedPartner, kind: LineFileKind) -> Int {
        guard let slot = lineFiles.firstIndex(where: { $0.partner.ordinal == partner.ordinal && $0.kind == kind })
        else { preconditionFailure("\(partner.id) writes no \(kind.rawValue)") }
        return slot
    }

    /// All files of a partner (for `partners.json`); archives are listed as their directory.
    func files(of partner: SimulatedPartner) -> [String] {
        if partner.layout == .xArchiveZips { return [Self.archiveDirectory(of: partner) + "/"] }
        return metro2Files.filter { $0.partner.ordinal == partner.ordinal }.map(\.path)
            + lineFiles.filter { $0.partner.ordinal == partner.ordinal }.map(\.path)
    }
}
