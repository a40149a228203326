/// A US city with the first ZIP code of its range and the area codes its phones use.
struct USCity: Sendable {
    let name: String
    let stateCode: String
    let stateName: String
    let firstZIP: Int
    let areaCodes: [String]

    init(_ name: String, _ stateCode: String, _ stateName: String, _ firstZIP: Int, _ areaCodes: [String]) {
        self.name = name
        self.stateCode = stateCode
        self.stateName = stateName
        self.firstZIP = firstZIP
        self.areaCodes = areaCodes
    }
}

/// Real US cities, their ZIP ranges and NANP area codes, and common street names.
enum USPlaceCatalog {
    static let cities: [USCity] = [
        USCity("New York", "NY", "New York", 10001, ["212", "646", "917"]),
        USCity("Brooklyn", "NY", "New York", 11201, ["718", "347"]),
        USCity("Flushing", "NY", "New York", 11354, ["718", "929"]),
        USCity("Los Angeles", "CA", "California", 90001, ["213", "323", "310"]),
        USCity("San Francisco", "CA", "California", 94102, ["415", "628"]),
        USCity("San Jose", "CA", "California", 95110, ["408", "669"]),
        USCity("San Diego", "CA", "California", 92101, ["619", "858"]),
        USCity("Irvine", "CA", "California", 92602, ["949"]),
        USCity("Sacramento", "CA", "California", 95814, ["916"]),
        USCity("Chicago", "IL", "Illinois", 60601, ["312", "773"]),
        USCity("Springfield", "IL", "Illinois", 62701, ["217"]),
        USCity("Houston", "TX", "Texas", 77002, ["713", "281", "832"]),
        USCity("Dallas", "TX", "Texas", 75201, ["214", "469", "972"]),
        USCity("Austin", "TX", "Texas", 78701, ["512", "737"]),
        USCity("San Antonio", "TX", "Texas", 78201, ["210"]),
        USCity("Fort Worth", "TX", "Texas", 76102, ["817"]),
        USCity("Phoenix", "AZ", "Arizona", 85003, ["602", "480"]),
        USCity("Philadelphia", "PA", "Pennsylvania", 19102, ["215", "267"]),
        USCity("Pittsburgh", "PA", "Pennsylvania", 15222, ["412"]),
        USCity("Jacksonville", "FL", "Florida", 32202, ["904"]),
        USCity("Miami", "FL", "Florida", 33125, ["305", "786"]),
        USCity("Tampa", "FL", "Florida", 33602, ["813"]),
        USCity("Orlando", "FL", "Florida", 32801, ["407"]),
        USCity("Columbus", "OH", "Ohio", 43215, ["614"]),
        USCity("Cleveland", "OH", "Ohio", 44113, ["216"]),
        USCity("Charlotte", "NC", "North Carolina", 28202, ["704", "980"]),
        USCity("Raleigh", "NC", "North Carolina", 27601, ["919"]),
        USCity("Indianapolis", "IN", "Indiana", 46204, ["317"]),
        USCity("Seattle", "WA", "Washington", 98101, ["206"]),
        USCity("Denver", "CO", "Colorado", 80202, ["303", "720"]),
        USCity("Washington", "DC", "District of Columbia", 20001, ["202"]),
        USCity("Boston", "MA", "Massachusetts", 2108, ["617", "857"]),
        USCity("Nashville", "TN", "Tennessee", 37201, ["615"]),
        USCity("Memphis", "TN", "Tennessee", 38103, ["901"]),
        USCity("Detroit", "MI", "Michigan", 48201, ["313"]),
        USCity("Portland", "OR", "Oregon", 97201, ["503", "971"]),
        USCity("Las Vegas", "NV", "Nevada", 89101, ["702"]),
        USCity("Louisville", "KY", "Kentucky", 40202, ["502"]),
        USCity("Baltimore", "MD", "Maryland", 21201, ["410", "443"]),
        USCity("Milwaukee", "WI", "Wisconsin", 53202, ["414"]),
        USCity("Albuquerque", "NM", "New Mexico", 87102, ["505"]),
        USCity("Atlanta", "GA", "Georgia", 30303, ["404", "678"]),
        USCity("Minneapolis", "MN", "Minnesota", 55401, ["612"]),
        USCity("Saint Paul", "MN", "Minnesota", 55101, ["651"]),
        USCity("Salt Lake City", "UT", "Utah", 84101, ["801"]),
        USCity("Honolulu", "HI", "Hawaii", 96813, ["808"]),
        USCity("Kansas City", "MO", "Missouri", 64105, ["816"]),
        USCity("Omaha", "NE", "Nebraska", 68102, ["402"]),
        USCity("Boise", "ID", "Idaho", 83702, ["208"]),
        USCity("Anchorage", "AK", "Alaska", 99501, ["907"]),
    ]

    static let streetNames = [
        "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Sunset", "Lincoln",
        "Jefferson", "Madison", "Franklin", "Highland", "Church", "Spring", "Ridge", "Walnut", "Chestnut", "Jackson",
        "River", "Forest", "Meadow", "Willow", "Center", "Broadway", "Market", "Union", "Adams", "Lafayette",
        "Mill", "Prospect", "Cherry", "Dogwood", "Magnolia", "Valley", "Grant", "Wilson", "Martin Luther King Jr",
        "Old Mill", "Cypress", "Birch", "Poplar", "Sycamore", "Hickory", "Laurel", "Aspen", "Juniper",
    ]

    /// Street types, written out; partners abbreviate some of them (`Street` → `St`) when they print.
    static let streetTypes = [
        "Street", "Avenue", "Road", "Drive", "Lane", "Boulevard", "Court", "Place", "Way", "Terrace", "Parkway",
    ]

    static let directions = ["North", "South", "East", "West"]
}
