import Testing

@testable import CredenceIdentity

@Suite struct NameNormalizerTests {
    @Test(arguments: [
        ("John Smith", "john smith"),
        ("  JOHN   SMITH  ", "john smith"),
        ("José Álvarez", "jose alvarez"),
        ("Nguyễn Thị Minh Khai", "nguyen thi minh khai"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Søren Kierkegaard", "soren kierkegaard"),
        ("Straße", "strasse"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("Smith-Jones", "smith jones"),
        ("Mary-Jane  Watson-Parker", "mary jane watson parker"),
        ("Dr. J.R.R. Tolkien", "dr j r r tolkien"),
        ("Ａｎｎａ　ＭＡＲＩＡ", "anna maria"),
        ("王小明", "王小明"),
        ("王 小明", "王小明"),
        ("欧阳 娜娜", "欧阳娜娜"),
        ("約翰·史密斯", "約翰史密斯"),
        ("김 민수", "김민수"),
        ("Иван Петров", "иван петров"),
        ("Ёлка", "ёлка"),
        ("ﬁona", "fiona"),
    ])
    func normalizes(raw: String, expected: String) throws {
        #expect(try NameNormalizer.normalize(raw) == expected)
    }

    @Test(arguments: ["", "   ", "-- ' .", "\u{200B}"])
    func rejectsEmpty(raw: String) {
        #expect(throws: IdentifierError(.empty, "")) { try NameNormalizer.normalize(raw) }
    }
}
