import CSVFiles
import LinkageFiles
import Testing

struct ColumnMappingTests {
    @Test func mapArgumentsSplitAtTheLastEqualsSign() throws {
        let mapping = try ColumnMapping(
            idColumn: "id", mapArguments: ["a=b=phone", "Home Phone=phone", "dob=birth_date"])
        #expect(
            mapping.assignments == [
                .init(column: "a=b", field: .phone), .init(column: "Home Phone", field: .phone),
                .init(column: "dob", field: .birthDate),
            ])
        #expect(mapping.fields == [.birthDate, .phone])
    }

    @Test func anUnknownFieldIsAnInputErrorListingTheFields() {
        #expect(
            throws: LinkError(
                .input,
                "--map 'nick=nickname': unknown field 'nickname'; one of: given_name, family_name, full_name, "
                    + "birth_date, street_number, address_line1, address_line2, city, postal_code, region, country, "
                    + "national_id, phone, email")
        ) { try ColumnMapping(idColumn: "id", mapArguments: ["nick=nickname"]) }
    }

    @Test func malformedAndRepeatedMappingsAreUsageErrors() {
        #expect(throws: LinkError(.usage, "--map 'phone': expected COLUMN=FIELD")) {
            try ColumnMapping(idColumn: "id", mapArguments: ["phone"])
        }
        #expect(throws: LinkError(.usage, "--map '=phone': the column name is empty")) {
            try ColumnMapping(idColumn: "id", mapArguments: ["=phone"])
        }
        #expect(
            throws: LinkError(
                .usage,
                "--map: family_name is mapped from two columns ('last' and 'surname'); only national_id, phone and "
                    + "email may take several")
        ) { try ColumnMapping(idColumn: "id", mapArguments: ["last=family_name", "surname=family_name"]) }
        #expect(throws: LinkError(.usage, "--map: column 'x' is mapped twice (phone and email)")) {
            try ColumnMapping(idColumn: "id", mapArguments: ["x=phone", "x=email"])
        }
        #expect(throws: (any Error).self) { try ColumnMapping(idColumn: "id", mapArguments: []) }
    }
}
