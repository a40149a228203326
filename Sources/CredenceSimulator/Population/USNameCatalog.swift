/// A US given name with the short forms people also go by (`William` → `Bill`, `Will`): a partner that lets
/// customers type their own name often holds the nickname, a lender holds the legal name.
struct GivenName: Sendable {
    let name: String
    let nicknames: [String]

    init(_ name: String, _ nicknames: [String] = []) {
        self.name = name
        self.nicknames = nicknames
    }
}

/// Common US given names and surnames (Social Security Administration and Census frequency lists), enough
/// for realistic collisions (two John Smiths) without making every name unique.
enum USNameCatalog {
    static let male: [GivenName] = [
        GivenName("James", ["Jim", "Jimmy"]), GivenName("John", ["Jack", "Johnny"]),
        GivenName("Robert", ["Bob", "Rob", "Bobby"]), GivenName("Michael", ["Mike"]),
        GivenName("William", ["Bill", "Will", "Billy"]), GivenName("David", ["Dave"]),
        GivenName("Richard", ["Rick", "Dick"]), GivenName("Joseph", ["Joe"]), GivenName("Thomas", ["Tom"]),
        GivenName("Charles", ["Charlie", "Chuck"]), GivenName("Christopher", ["Chris"]),
        GivenName("Daniel", ["Dan", "Danny"]), GivenName("Matthew", ["Matt"]), GivenName("Anthony", ["Tony"]),
        GivenName("Mark"), GivenName("Donald", ["Don"]), GivenName("Steven", ["Steve"]), GivenName("Paul"),
        GivenName("Andrew", ["Andy", "Drew"]), GivenName("Joshua", ["Josh"]), GivenName("Kenneth", ["Ken"]),
        GivenName("Kevin"), GivenName("Brian"), GivenName("George"), GivenName("Timothy", ["Tim"]),
        GivenName("Ronald", ["Ron"]), GivenName("Edward", ["Ed", "Ted", "Eddie"]), GivenName("Jason"),
        GivenName("Jeffrey", ["Jeff"]), GivenName("Ryan"), GivenName("Jacob", ["Jake"]), GivenName("Gary"),
        GivenName("Nicholas", ["Nick"]), GivenName("Eric"), GivenName("Jonathan", ["Jon"]),
        GivenName("Stephen", ["Steve"]), GivenName("Justin"), GivenName("Scott"), GivenName("Brandon"),
        GivenName("Benjamin", ["Ben"]), GivenName("Samuel", ["Sam"]), GivenName("Gregory", ["Greg"]),
        GivenName("Alexander", ["Alex"]), GivenName("Frank"), GivenName("Patrick", ["Pat"]),
        GivenName("Raymond", ["Ray"]), GivenName("Dennis"), GivenName("Tyler"), GivenName("Aaron"),
        GivenName("José", ["Pepe"]), GivenName("Adam"), GivenName("Nathan", ["Nate"]), GivenName("Henry", ["Hank"]),
        GivenName("Douglas", ["Doug"]), GivenName("Zachary", ["Zach"]), GivenName("Peter", ["Pete"]),
        GivenName("Kyle"), GivenName("Ethan"), GivenName("Walter", ["Walt"]), GivenName("Noah"),
        GivenName("Jeremy"), GivenName("Christian"), GivenName("Keith"), GivenName("Roger"),
        GivenName("Gerald", ["Jerry"]), GivenName("Harold", ["Harry"]), GivenName("Sean"), GivenName("Austin"),
        GivenName("Carl"), GivenName("Arthur", ["Art"]), GivenName("Lawrence", ["Larry"]), GivenName("Dylan"),
        GivenName("Jesse"), GivenName("Jordan"), GivenName("Bryan"), GivenName("Bruce"),
        GivenName("Gabriel", ["Gabe"]), GivenName("Logan"), GivenName("Albert", ["Al"]), GivenName("Alan"),
        GivenName("Juan"), GivenName("Wayne"), GivenName("Elijah", ["Eli"]), GivenName("Randy"), GivenName("Roy"),
        GivenName("Vincent", ["Vince"]), GivenName("Ralph"), GivenName("Eugene", ["Gene"]),
        GivenName("Russell", ["Russ"]), GivenName("Mason"), GivenName("Philip", ["Phil"]), GivenName("Louis", ["Lou"]),
        GivenName("Carlos"), GivenName("Luis"), GivenName("Miguel"), GivenName("Minh"), GivenName("Raj"),
    ]

    static let female: [GivenName] = [
        GivenName("Mary"), GivenName("Patricia", ["Pat", "Patty"]), GivenName("Jennifer", ["Jen", "Jenny"]),
        GivenName("Linda"), GivenName("Elizabeth", ["Liz", "Beth", "Betsy"]), GivenName("Barbara", ["Barb"]),
        GivenName("Susan", ["Sue"]), GivenName("Jessica", ["Jess"]), GivenName("Sarah"), GivenName("Karen"),
        GivenName("Lisa"), GivenName("Nancy"), GivenName("Betty"), GivenName("Margaret", ["Maggie", "Peggy", "Meg"]),
        GivenName("Sandra", ["Sandy"]), GivenName("Ashley"), GivenName("Kimberly", ["Kim"]), GivenName("Emily"),
        GivenName("Donna"), GivenName("Michelle"), GivenName("Carol"), GivenName("Amanda", ["Mandy"]),
        GivenName("Dorothy", ["Dot"]), GivenName("Melissa", ["Missy"]), GivenName("Deborah", ["Debbie", "Deb"]),
        GivenName("Stephanie", ["Steph"]), GivenName("Rebecca", ["Becky"]), GivenName("Sharon"), GivenName("Laura"),
        GivenName("Cynthia", ["Cindy"]), GivenName("Kathleen", ["Kathy"]), GivenName("Amy"),
        GivenName("Angela", ["Angie"]), GivenName("Shirley"), GivenName("Anna"), GivenName("Brenda"),
        GivenName("Pamela", ["Pam"]), GivenName("Emma"), GivenName("Nicole", ["Nikki"]), GivenName("Helen"),
        GivenName("Samantha", ["Sam"]), GivenName("Katherine", ["Kate", "Katie"]),
        GivenName("Christine", ["Chris", "Tina"]), GivenName("Rachel"), GivenName("Carolyn"), GivenName("Janet"),
        GivenName("Catherine", ["Cathy"]), GivenName("María"), GivenName("Heather"), GivenName("Diane"),
        GivenName("Ruth"), GivenName("Julie"), GivenName("Olivia", ["Liv"]), GivenName("Joyce"),
        GivenName("Virginia", ["Ginny"]), GivenName("Victoria", ["Vicky", "Tori"]), GivenName("Kelly"),
        GivenName("Lauren"), GivenName("Christina", ["Tina"]), GivenName("Joan"), GivenName("Evelyn", ["Evie"]),
        GivenName("Judith", ["Judy"]), GivenName("Megan", ["Meg"]), GivenName("Andrea"), GivenName("Cheryl"),
        GivenName("Hannah"), GivenName("Jacqueline", ["Jackie"]), GivenName("Martha", ["Marty"]), GivenName("Gloria"),
        GivenName("Teresa", ["Terry"]), GivenName("Ann"), GivenName("Madison", ["Maddie"]),
        GivenName("Frances", ["Fran"]), GivenName("Janice"), GivenName("Jean"), GivenName("Abigail", ["Abby"]),
        GivenName("Alice"), GivenName("Julia"), GivenName("Sophia", ["Sophie"]), GivenName("Grace"),
        GivenName("Denise"), GivenName("Amber"), GivenName("Doris"), GivenName("Marilyn"),
        GivenName("Danielle", ["Dani"]), GivenName("Beverly", ["Bev"]), GivenName("Isabella", ["Bella"]),
        GivenName("Theresa", ["Tess"]), GivenName("Diana"), GivenName("Natalie"), GivenName("Brittany"),
        GivenName("Charlotte", ["Charlie"]), GivenName("Kayla"), GivenName("Alexis", ["Lexi"]), GivenName("Lori"),
        GivenName("Guadalupe", ["Lupe"]), GivenName("Priya"), GivenName("Linh"), GivenName("Zoë", ["Zoe"]),
    ]

    static let surnames: [String] = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
        "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez",
        "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart",
        "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson",
        "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks",
        "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
        "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins",
        "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher",
        "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds",
        "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran",
        "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez",
        "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb",
        "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez",
        "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Muñoz", "Hunt", "Hicks", "Holmes", "Palmer", "Wagner",
        "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
        "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner",
        "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen",
        "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson",
        "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray", "Delgado", "Berry", "Perkins", "Hoffman",
        "Johnston", "Matthews", "Peña", "Richards", "Contreras", "Willis", "Carpenter", "Lawrence", "Sandoval",
        "O'Brien", "O'Connor", "McCarthy", "DeLuca", "Van Dyke", "St. John", "Garcia-Lopez",
    ]
}
