import Testing

@testable import Metro2

@Suite struct Metro2LayoutTests {
    @Test(arguments: Metro2Segment.allCases)
    func fieldsTileTheSegmentExactly(_ segment: Metro2Segment) {
        var next = 0
        for field in segment.fields.sorted(by: { $0.offset < $1.offset }) {
            #expect(field.offset == next, "\(field) leaves a gap or overlaps the field before it")
            #expect(field.segment == segment)
            next = field.offset + field.length
        }
        #expect(next == segment.length)
    }

    @Test func positionsMatchTheCRRGNumbering() {
        // Spot checks against the 1-based positions of partner-formats.md section 1.2.
        #expect(Metro2Layout.Base.consumerAccountNumber.description.hasSuffix("(positions 43-72)"))
        #expect(Metro2Layout.Base.paymentHistoryProfile.range == 126..<150)
        #expect(Metro2Layout.Base.dateAccountInformation.range == 181..<189)
        #expect(Metro2Layout.Base.consumer.socialSecurityNumber.range == 297..<306)
        #expect(Metro2Layout.Base.consumer.ecoaCode.range == 324..<325)
        #expect(Metro2Layout.Base.address.zipCode.range == 415..<424)
        #expect(Metro2Layout.J2.address.firstLine.range == 101..<133)
        #expect(Metro2Layout.Header.activityDate.range == 47..<55)
        #expect(Metro2Layout.Trailer.field(.totalBaseRecords).range == 11..<20)
        #expect(Metro2Layout.Trailer.field(.totalStatusCodeDF).range == 29..<38)
        #expect(Metro2Layout.Trailer.field(.totalTelephoneNumbersAllSegments).range == 398..<407)
    }

    @Test func everyDataFieldHasAJSONName() {
        for segment in Metro2Segment.allCases {
            for field in segment.fields where field.kind != .structural {
                #expect(!field.jsonName.isEmpty, "\(field)")
            }
        }
    }

    @Test func statusCountersAreFoundByCode() {
        #expect(Metro2TrailerCounter.status("71") == .totalStatusCode71)
        #expect(Metro2TrailerCounter.status("ZZ") == nil)
    }
}
