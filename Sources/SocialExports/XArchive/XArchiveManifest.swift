import CredenceProtocol

/// `data/manifest.js` (`window.__THAR_CONFIG = {...}`): the archive's owner, its generation date and, per
/// data type, the files that hold it. Only the allow-listed data types' file lists are decoded; the
/// others are not even looked at.
struct XArchiveManifest: Equatable {
    static let memberName = "data/manifest.js"
    static let globalName = "__THAR_CONFIG"

    /// One file of a data type, as the manifest lists it.
    struct DataFile: Equatable {
        var part: Int
        var globalName: String
        /// How many entries the file holds; nil when the manifest does not say.
        var count: Int?
    }

    var accountID: String
    var userName: String?
    var displayName: String?
    var generationDate: Timestamp
    var isPartialArchive: Bool
    /// The allow-listed data types the manifest lists, each with its files in part order.
    var files: [XArchiveDataType: [DataFile]]

    init(
        accountID: String, userName: String?, displayName: String?, generationDate: Timestamp,
        isPartialArchive: Bool, files: [XArchiveDataType: [DataFile]]
    ) {
        self.accountID = accountID
        self.userName = userName
        self.displayName = displayName
        self.generationDate = generationDate
        self.isPartialArchive = isPartialArchive
        self.files = files
    }

    init(_ value: JSONValue) throws(SocialExportError) {
        let root = try JSONFields(value, at: .root)
        let userInfo = try root.requiredObject("userInfo")
        guard let accountID = try userInfo.identifier("accountId") else {
            throw userInfo.missing("accountId", "the archive owner's account id")
        }
        let archiveInfo = try root.requiredObject("archiveInfo")
        guard let generationDate = try archiveInfo.isoTime("generationDate") else {
            throw archiveInfo.missing("generationDate", "when the archive was made, the records' observed_at")
        }
        var files: [XArchiveDataType: [DataFile]] = [:]
        if let dataTypes = try root.object("dataTypes") {
            for type in XArchiveDataType.allCases {
                guard let entry = try dataTypes.object(type.manifestKey) else { continue }
                files[type] = try Self.dataFiles(of: type, in: entry)
            }
        }
        self.init(
            accountID: accountID, userName: try userInfo.string("userName"),
            displayName: try userInfo.string("displayName"), generationDate: generationDate,
            isPartialArchive: try archiveInfo.bool("isPartialArchive") ?? false, files: files)
    }

    /// The files the manifest lists for `type`. A file name outside the allow-list pattern of `type` is
    /// refused here, so that no manifest can make the reader open another member.
    private static func dataFiles(of type: XArchiveDataType, in entry: JSONFields) throws(SocialExportError)
        -> [DataFile]
    {
        var result: [DataFile] = []
        for (value, pointer) in try entry.array("files") ?? [] {
            let file = try JSONFields(value, at: pointer)
            let fileName = try file.requiredString("fileName")
            guard let (named, part) = XArchiveDataType.allowListed(memberName: fileName), named == type else {
                throw file.malformed(
                    "fileName",
                    "names a file outside the \(type.manifestKey) data type (expected \(type.memberName(part: 0)) "
                        + "or \(type.memberName(part: 1)) and so on); it is not opened")
            }
            let globalName = try file.string("globalName") ?? type.globalName(part: part)
            guard globalName == type.globalName(part: part) else {
                throw file.malformed("globalName", "expected \(type.globalName(part: part)) for \(fileName)")
            }
            guard !result.contains(where: { $0.part == part }) else {
                throw file.malformed("fileName", "lists \(fileName) a second time")
            }
            result.append(DataFile(part: part, globalName: globalName, count: try file.count("count")))
        }
        return result.sorted { $0.part < $1.part }
    }

    /// The manifest as X writes it, listing the allow-listed data types and `otherTypes`.
    func value(otherTypes: [(key: String, files: [(fileName: String, globalName: String, count: Int)])])
        -> JSONValue
    {
        func fileList(_ files: [(fileName: String, globalName: String, count: Int)]) -> JSONValue {
            .object([
                "files": .array(
                    files.map { file in
                        .object([
                            "fileName": .text(file.fileName), "globalName": .text(file.globalName),
                            "count": .text(String(file.count)),
                        ])
                    })
            ])
        }
        var dataTypes: [(name: String, value: JSONValue)] = []
        for type in XArchiveDataType.allCases {
            guard let listed = files[type] else { continue }
            let entries = listed.map { (type.memberName(part: $0.part), $0.globalName, $0.count ?? 0) }
            dataTypes.append((type.manifestKey, fileList(entries)))
        }
        for other in otherTypes { dataTypes.append((other.key, fileList(other.files))) }
        dataTypes.sort { $0.name < $1.name }
        return .object([
            "userInfo": .object([
                "accountId": .text(accountID), "userName": .text(userName), "displayName": .text(displayName),
            ]),
            "archiveInfo": .object([
                "generationDate": .text(ExportTime.xArchiveText(generationDate)),
                "isPartialArchive": .flag(isPartialArchive),
            ]),
            "dataTypes": .object(JSONObject(members: dataTypes)),
        ])
    }
}
