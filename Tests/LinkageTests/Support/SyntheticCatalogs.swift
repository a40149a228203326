/// Name, street and city lists for synthetic people. Frequencies are skewed (common names first, drawn with
/// Zipf-like weights), so common names collide as they do in real populations.
enum SyntheticCatalogs {
    /// US given names with the nicknames people use for them.
    static let usGivenNames: [(name: String, nicknames: [String])] = [
        ("James", ["Jim", "Jimmy"]), ("Mary", ["Molly"]), ("Robert", ["Bob", "Rob", "Bobby"]),
        ("Patricia", ["Pat", "Patty"]), ("John", ["Jack", "Johnny"]), ("Jennifer", ["Jen", "Jenny"]),
        ("Michael", ["Mike", "Mikey"]), ("Linda", ["Lindy"]), ("David", ["Dave"]), ("Elizabeth", ["Liz", "Beth"]),
        ("William", ["Bill", "Will", "Billy"]), ("Barbara", ["Barb"]), ("Richard", ["Rick", "Dick"]),
        ("Susan", ["Sue", "Suzy"]), ("Joseph", ["Joe", "Joey"]), ("Jessica", ["Jess"]), ("Thomas", ["Tom", "Tommy"]),
        ("Sarah", ["Sally"]), ("Christopher", ["Chris"]), ("Karen", []), ("Charles", ["Charlie", "Chuck"]),
        ("Lisa", []), ("Daniel", ["Dan", "Danny"]), ("Nancy", []), ("Matthew", ["Matt"]), ("Betty", []),
        ("Anthony", ["Tony"]), ("Margaret", ["Maggie", "Peggy"]), ("Mark", []), ("Sandra", ["Sandy"]),
        ("Donald", ["Don"]), ("Ashley", []), ("Steven", ["Steve"]), ("Kimberly", ["Kim"]), ("Paul", []),
        ("Emily", ["Em"]), ("Andrew", ["Andy", "Drew"]), ("Donna", []), ("Joshua", ["Josh"]),
        ("Michelle", ["Shelly"]), ("Kenneth", ["Ken", "Kenny"]), ("Carol", []), ("Kevin", []),
        ("Amanda", ["Mandy"]), ("Brian", []), ("Dorothy", ["Dot"]), ("George", []), ("Melissa", ["Mel"]),
        ("Timothy", ["Tim"]), ("Deborah", ["Deb", "Debbie"]), ("Ronald", ["Ron"]), ("Stephanie", ["Steph"]),
        ("Edward", ["Ed", "Eddie", "Ted"]), ("Rebecca", ["Becky"]), ("Jason", []), ("Sharon", []),
        ("Jeffrey", ["Jeff"]), ("Laura", []), ("Ryan", []), ("Cynthia", ["Cindy"]), ("Jacob", ["Jake"]),
        ("Kathleen", ["Kathy", "Kate"]), ("Gary", []), ("Amy", []), ("Nicholas", ["Nick"]), ("Angela", ["Angie"]),
        ("Eric", []), ("Shirley", []), ("Jonathan", ["Jon"]), ("Anna", ["Annie"]), ("Stephen", ["Steve"]),
        ("Brenda", []), ("Larry", []), ("Pamela", ["Pam"]), ("Justin", []), ("Emma", []), ("Scott", []),
        ("Nicole", ["Nikki"]), ("Brandon", []), ("Helen", []), ("Benjamin", ["Ben"]), ("Samantha", ["Sam"]),
        ("Samuel", ["Sam"]), ("Katherine", ["Kate", "Katie"]), ("Gregory", ["Greg"]), ("Christine", ["Chris"]),
        ("Alexander", ["Alex"]), ("Debra", ["Deb"]), ("Frank", []), ("Rachel", []), ("Patrick", ["Pat"]),
        ("Carolyn", []), ("Raymond", ["Ray"]), ("Janet", []), ("Jack", []), ("Catherine", ["Cathy"]),
        ("Dennis", []), ("Maria", []), ("Jerry", []), ("Heather", []), ("Tyler", []), ("Diane", []),
        ("Aaron", []), ("Ruth", []), ("Jose", []), ("Julie", []), ("Adam", []), ("Olivia", ["Liv"]),
        ("Nathan", ["Nate"]), ("Joyce", []), ("Henry", ["Hank"]), ("Virginia", ["Ginny"]), ("Douglas", ["Doug"]),
        ("Victoria", ["Vicky", "Tori"]), ("Zachary", ["Zach"]), ("Kelly", []), ("Peter", ["Pete"]),
        ("Lauren", []), ("Kyle", []), ("Christina", ["Tina"]), ("Ethan", []), ("Joan", []), ("Walter", ["Walt"]),
        ("Evelyn", ["Evie"]), ("Noah", []), ("Judith", ["Judy"]), ("Jeremy", []), ("Megan", []),
        ("Christian", []), ("Andrea", []), ("Keith", []), ("Cheryl", []), ("Roger", []), ("Hannah", []),
        ("Terry", []), ("Jacqueline", ["Jackie"]), ("Gerald", ["Gerry"]), ("Martha", []), ("Harold", ["Harry"]),
        ("Gloria", []), ("Sean", []), ("Teresa", ["Terry"]), ("Austin", []), ("Ann", []), ("Carl", []),
        ("Sara", []), ("Arthur", ["Art"]), ("Madison", ["Maddie"]), ("Lawrence", ["Larry"]), ("Frances", ["Fran"]),
    ]

    static let usFamilyNames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker",
        "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
        "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips",
        "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales",
        "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly",
        "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
        "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers",
        "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman",
        "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan",
        "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole",
        "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford",
        "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy",
        "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson",
        "Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz",
        "Hunt", "Hicks", "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar",
        "Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
        "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold",
        "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight", "Elliott", "Cunningham",
        "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Alvarado", "Ray", "Delgado",
        "Berry", "Perkins", "Hoffman", "Johnston", "Matthews", "Pena", "Richards", "Contreras", "Willis",
        "Carpenter", "Lawrence", "Sandoval", "Guerrero", "George", "Chapman", "Rios", "Estrada", "Ortega", "Watkins",
        "Greene", "Nunez", "Wheeler", "Valdez", "Harper", "Burke", "Larson", "Santiago", "Maldonado", "Morrison",
        "Franklin", "Carlson", "Austin", "Dominguez", "Carr", "Lawson", "Jacobs", "OBrien", "Lynch", "Singh",
    ]

    /// PRC surnames: Hanzi, toneless pinyin, and the other romanizations seen in partner data.
    static let chineseSurnames: [(hanzi: String, pinyin: String, variants: [String])] = [
        ("王", "Wang", ["Wong"]), ("李", "Li", ["Lee"]), ("张", "Zhang", ["Cheung", "Chang"]), ("刘", "Liu", ["Lau"]),
        ("陈", "Chen", ["Chan"]), ("杨", "Yang", ["Yeung"]), ("黄", "Huang", ["Wong"]), ("赵", "Zhao", ["Chiu"]),
        ("吴", "Wu", ["Ng"]), ("周", "Zhou", ["Chow"]), ("徐", "Xu", ["Tsui"]), ("孙", "Sun", ["Suen"]),
        ("马", "Ma", ["Mah"]), ("朱", "Zhu", ["Chu"]), ("胡", "Hu", ["Woo"]), ("郭", "Guo", ["Kwok"]),
        ("何", "He", ["Ho"]), ("高", "Gao", ["Ko"]), ("林", "Lin", ["Lam"]), ("罗", "Luo", ["Law"]),
        ("郑", "Zheng", ["Cheng"]), ("梁", "Liang", ["Leung"]), ("谢", "Xie", ["Tse"]), ("宋", "Song", ["Sung"]),
        ("唐", "Tang", ["Tong"]), ("许", "Xu", ["Hui"]), ("韩", "Han", ["Hon"]), ("冯", "Feng", ["Fung"]),
        ("邓", "Deng", ["Tang"]), ("曹", "Cao", ["Tso"]), ("彭", "Peng", ["Pang"]), ("曾", "Zeng", ["Tsang"]),
        ("肖", "Xiao", ["Siu"]), ("田", "Tian", ["Tin"]), ("董", "Dong", ["Tung"]), ("袁", "Yuan", ["Yuen"]),
        ("潘", "Pan", ["Poon"]), ("于", "Yu", ["Yue"]), ("蒋", "Jiang", ["Chiang"]), ("蔡", "Cai", ["Choi"]),
        ("余", "Yu", ["Yee"]), ("杜", "Du", ["To"]), ("叶", "Ye", ["Yip"]), ("程", "Cheng", ["Ching"]),
        ("苏", "Su", ["So"]), ("魏", "Wei", ["Ngai"]), ("吕", "Lv", ["Lui"]), ("丁", "Ding", ["Ting"]),
        ("任", "Ren", ["Yam"]), ("沈", "Shen", ["Sham"]), ("姚", "Yao", ["Yiu"]), ("卢", "Lu", ["Lo"]),
        ("姜", "Jiang", ["Keung"]), ("崔", "Cui", ["Tsui"]), ("钟", "Zhong", ["Chung"]), ("谭", "Tan", ["Tam"]),
        ("陆", "Lu", ["Luk"]), ("汪", "Wang", ["Wong"]), ("范", "Fan", ["Fan"]), ("金", "Jin", ["Kam"]),
    ]

    /// Characters of PRC given names with their pinyin.
    static let chineseGivenCharacters: [(hanzi: String, pinyin: String)] = [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
        ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"),
        ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"),
        ("桂", "gui"), ("英", "ying"), ("华", "hua"), ("建", "jian"), ("国", "guo"), ("玉", "yu"), ("兰", "lan"),
        ("红", "hong"), ("辉", "hui"), ("鹏", "peng"), ("飞", "fei"), ("宇", "yu"), ("浩", "hao"), ("欣", "xin"),
        ("怡", "yi"), ("佳", "jia"), ("婷", "ting"), ("慧", "hui"), ("晓", "xiao"), ("东", "dong"), ("志", "zhi"),
        ("凯", "kai"), ("峰", "feng"), ("成", "cheng"), ("瑶", "yao"), ("燕", "yan"), ("月", "yue"), ("宁", "ning"),
        ("安", "an"), ("文", "wen"), ("博", "bo"), ("俊", "jun"), ("子", "zi"), ("梓", "zi"), ("涵", "han"),
        ("轩", "xuan"), ("雨", "yu"), ("嘉", "jia"), ("思", "si"), ("晨", "chen"), ("阳", "yang"), ("天", "tian"),
        ("海", "hai"), ("波", "bo"), ("春", "chun"), ("梅", "mei"), ("林", "lin"), ("森", "sen"), ("鑫", "xin"),
        ("琳", "lin"), ("雪", "xue"), ("倩", "qian"), ("颖", "ying"), ("萍", "ping"), ("健", "jian"), ("斌", "bin"),
        ("龙", "long"), ("亮", "liang"), ("琴", "qin"), ("云", "yun"), ("莉", "li"), ("丹", "dan"), ("蕾", "lei"),
        ("昊", "hao"), ("然", "ran"), ("泽", "ze"), ("瑞", "rui"), ("睿", "rui"), ("诗", "shi"), ("雅", "ya"),
        ("婉", "wan"), ("淑", "shu"), ("德", "de"), ("荣", "rong"), ("福", "fu"), ("贵", "gui"), ("生", "sheng"),
    ]

    /// Homophone characters typed by an input-method slip.
    static let homophones: [String: String] = [
        "明": "铭", "伟": "玮", "丽": "莉", "静": "晶", "军": "君", "华": "桦", "杰": "洁", "芳": "方", "林": "琳",
        "强": "蔷", "磊": "垒", "敏": "民", "娟": "涓", "涛": "滔", "超": "潮", "刚": "钢", "平": "萍", "辉": "晖",
        "鹏": "朋", "玉": "钰", "红": "虹", "梅": "媚", "春": "椿", "海": "亥", "波": "博", "宇": "雨", "浩": "昊",
    ]

    /// US cities: name, state, ZIP prefix (three digits), area codes.
    static let usCities: [(city: String, state: String, zip: String, areaCodes: [String])] = [
        ("New York", "New York", "100", ["212", "646", "917"]), ("Los Angeles", "California", "900", ["213", "323"]),
        ("Chicago", "Illinois", "606", ["312", "773"]), ("Houston", "Texas", "770", ["713", "832"]),
        ("Phoenix", "Arizona", "850", ["602", "480"]), ("Philadelphia", "Pennsylvania", "191", ["215", "267"]),
        ("San Antonio", "Texas", "782", ["210"]), ("San Diego", "California", "921", ["619", "858"]),
        ("Dallas", "Texas", "752", ["214", "469"]), ("San Jose", "California", "951", ["408"]),
        ("Austin", "Texas", "787", ["512"]), ("Jacksonville", "Florida", "322", ["904"]),
        ("Columbus", "Ohio", "432", ["614"]), ("Charlotte", "North Carolina", "282", ["704"]),
        ("Indianapolis", "Indiana", "462", ["317"]), ("Seattle", "Washington", "981", ["206"]),
        ("Denver", "Colorado", "802", ["303", "720"]), ("Boston", "Massachusetts", "021", ["617"]),
        ("Nashville", "Tennessee", "372", ["615"]), ("Detroit", "Michigan", "482", ["313"]),
        ("Portland", "Oregon", "972", ["503"]), ("Las Vegas", "Nevada", "891", ["702"]),
        ("Memphis", "Tennessee", "381", ["901"]), ("Louisville", "Kentucky", "402", ["502"]),
        ("Baltimore", "Maryland", "212", ["410"]), ("Milwaukee", "Wisconsin", "532", ["414"]),
        ("Albuquerque", "New Mexico", "871", ["505"]), ("Tucson", "Arizona", "857", ["520"]),
        ("Atlanta", "Georgia", "303", ["404", "678"]), ("Miami", "Florida", "331", ["305", "786"]),
    ]

    static let usStreets = [
        "Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Walnut", "Sunset",
        "Lincoln", "Jackson", "Church", "River", "Highland", "Forest", "Jefferson", "Willow", "Meadow", "Ridge",
        "Franklin", "Madison", "Spring", "Chestnut", "Adams", "Cherry", "Birch", "Hickory", "Dogwood", "Magnolia",
        "Valley", "Center", "Mill", "Mulberry", "Poplar", "Spruce", "Sycamore", "Laurel", "Aspen", "Broadway",
        "Prospect", "Summit", "Grove", "Locust", "Orchard", "Garden", "Fairview", "Woodland", "Bayview", "Harbor",
        "Kingston", "Canyon", "Mesa", "Vista", "Colonial", "Heritage", "Liberty", "Union",
    ]

    /// Street suffixes as written out and abbreviated.
    static let usSuffixes: [(long: String, short: String)] = [
        ("Street", "St"), ("Avenue", "Ave"), ("Road", "Rd"), ("Boulevard", "Blvd"), ("Drive", "Dr"), ("Lane", "Ln"),
        ("Court", "Ct"), ("Place", "Pl"), ("Way", "Way"), ("Terrace", "Ter"),
    ]

    /// PRC cities: Hanzi, pinyin, province (pinyin), postal prefix, landline area code.
    static let chineseCities: [(hanzi: String, pinyin: String, province: String, postal: String, areaCode: String)] =
        [
            ("北京", "Beijing", "Beijing", "100", "10"), ("上海", "Shanghai", "Shanghai", "200", "21"),
            ("广州", "Guangzhou", "Guangdong", "510", "20"), ("深圳", "Shenzhen", "Guangdong", "518", "755"),
            ("成都", "Chengdu", "Sichuan", "610", "28"), ("杭州", "Hangzhou", "Zhejiang", "310", "571"),
            ("武汉", "Wuhan", "Hubei", "430", "27"), ("西安", "Xian", "Shaanxi", "710", "29"),
            ("南京", "Nanjing", "Jiangsu", "210", "25"), ("重庆", "Chongqing", "Chongqing", "400", "23"),
            ("天津", "Tianjin", "Tianjin", "300", "22"), ("苏州", "Suzhou", "Jiangsu", "215", "512"),
            ("长沙", "Changsha", "Hunan", "410", "731"), ("郑州", "Zhengzhou", "Henan", "450", "371"),
            ("青岛", "Qingdao", "Shandong", "266", "532"), ("沈阳", "Shenyang", "Liaoning", "110", "24"),
            ("大连", "Dalian", "Liaoning", "116", "411"), ("厦门", "Xiamen", "Fujian", "361", "592"),
            ("昆明", "Kunming", "Yunnan", "650", "871"), ("合肥", "Hefei", "Anhui", "230", "551"),
        ]

    /// PRC street names: Hanzi and pinyin (before the "Road"/"路" suffix).
    static let chineseStreets: [(hanzi: String, pinyin: String)] = [
        ("建国", "Jianguo"), ("人民", "Renmin"), ("解放", "Jiefang"), ("中山", "Zhongshan"), ("和平", "Heping"),
        ("长安", "Changan"), ("南京", "Nanjing"), ("北京", "Beijing"), ("延安", "Yanan"), ("胜利", "Shengli"),
        ("文化", "Wenhua"), ("新华", "Xinhua"), ("东风", "Dongfeng"), ("光明", "Guangming"), ("青年", "Qingnian"),
        ("朝阳", "Chaoyang"), ("黄河", "Huanghe"), ("长江", "Changjiang"), ("科技", "Keji"), ("学院", "Xueyuan"),
        ("花园", "Huayuan"), ("滨江", "Binjiang"), ("湖滨", "Hubin"), ("工业", "Gongye"), ("世纪", "Shiji"),
        ("金融", "Jinrong"), ("体育", "Tiyu"), ("天府", "Tianfu"), ("五一", "Wuyi"), ("复兴", "Fuxing"),
    ]

    static let emailProviders = ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com"]
    static let chineseEmailProviders = ["qq.com", "163.com", "126.com", "sina.com", "gmail.com"]
    static let handleWords = [
        "sunny", "tiger", "blue", "happy", "star", "moon", "rocket", "coffee", "pixel", "river", "panda", "ninja",
        "lucky", "cloud", "maple", "shadow", "summer", "winter", "ocean", "forest", "dragon", "falcon", "storm",
    ]
}
