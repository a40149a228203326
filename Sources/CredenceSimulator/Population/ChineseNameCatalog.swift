/// A Chinese surname in Hanzi, its Hanyu Pinyin (the mainland romanization, as on passports) and the other
/// romanizations the same family name is seen under (Cantonese `Chan` for 陈, Wade-Giles `Chang` for 张):
/// a partner abroad or a customer typing their own name may use any of them.
struct ChineseSurname: Sendable {
    let hanzi: String
    let pinyin: String
    let alternatives: [String]

    init(_ hanzi: String, _ pinyin: String, _ alternatives: [String] = []) {
        self.hanzi = hanzi
        self.pinyin = pinyin
        self.alternatives = alternatives
    }
}

/// One character of a given name with its toneless pinyin syllable.
struct ChineseSyllable: Sendable {
    let hanzi: String
    let pinyin: String

    init(_ hanzi: String, _ pinyin: String) {
        self.hanzi = hanzi
        self.pinyin = pinyin
    }
}

/// The most frequent Chinese surnames (Ministry of Public Security 2020 ranking, including two compound
/// surnames) and given-name characters in common use.
enum ChineseNameCatalog {
    static let surnames: [ChineseSurname] = [
        ChineseSurname("王", "Wang", ["Wong"]), ChineseSurname("李", "Li", ["Lee"]),
        ChineseSurname("张", "Zhang", ["Cheung", "Chang"]), ChineseSurname("刘", "Liu", ["Lau"]),
        ChineseSurname("陈", "Chen", ["Chan"]), ChineseSurname("杨", "Yang", ["Yeung"]),
        ChineseSurname("黄", "Huang", ["Wong"]), ChineseSurname("赵", "Zhao", ["Chiu", "Chao"]),
        ChineseSurname("吴", "Wu", ["Ng"]), ChineseSurname("周", "Zhou", ["Chow", "Chou"]),
        ChineseSurname("徐", "Xu", ["Tsui", "Hsu"]), ChineseSurname("孙", "Sun", ["Suen"]),
        ChineseSurname("马", "Ma"), ChineseSurname("朱", "Zhu", ["Chu"]), ChineseSurname("胡", "Hu", ["Woo"]),
        ChineseSurname("郭", "Guo", ["Kwok", "Kuo"]), ChineseSurname("何", "He", ["Ho"]),
        ChineseSurname("林", "Lin", ["Lam"]), ChineseSurname("高", "Gao", ["Ko", "Kao"]),
        ChineseSurname("罗", "Luo", ["Law", "Lo"]), ChineseSurname("郑", "Zheng", ["Cheng"]),
        ChineseSurname("梁", "Liang", ["Leung"]), ChineseSurname("谢", "Xie", ["Tse", "Hsieh"]),
        ChineseSurname("宋", "Song", ["Sung"]), ChineseSurname("唐", "Tang", ["Tong"]),
        ChineseSurname("韩", "Han", ["Hon"]), ChineseSurname("冯", "Feng", ["Fung"]),
        ChineseSurname("于", "Yu", ["Yue"]), ChineseSurname("董", "Dong", ["Tung"]),
        ChineseSurname("萧", "Xiao", ["Siu", "Hsiao"]), ChineseSurname("程", "Cheng", ["Ching"]),
        ChineseSurname("曹", "Cao", ["Tso", "Tsao"]), ChineseSurname("袁", "Yuan", ["Yuen"]),
        ChineseSurname("邓", "Deng", ["Tang", "Teng"]), ChineseSurname("许", "Xu", ["Hui", "Hsu"]),
        ChineseSurname("傅", "Fu", ["Foo"]), ChineseSurname("沈", "Shen", ["Shum"]),
        ChineseSurname("曾", "Zeng", ["Tsang", "Tseng"]), ChineseSurname("彭", "Peng", ["Pang"]),
        ChineseSurname("吕", "Lü", ["Lv", "Lu", "Lui"]), ChineseSurname("苏", "Su", ["So"]),
        ChineseSurname("卢", "Lu", ["Lo"]), ChineseSurname("蒋", "Jiang", ["Chiang"]),
        ChineseSurname("蔡", "Cai", ["Choi", "Tsai"]), ChineseSurname("贾", "Jia", ["Chia"]),
        ChineseSurname("丁", "Ding", ["Ting"]), ChineseSurname("魏", "Wei", ["Ngai"]),
        ChineseSurname("薛", "Xue", ["Sit", "Hsueh"]), ChineseSurname("叶", "Ye", ["Yip", "Yeh"]),
        ChineseSurname("阎", "Yan", ["Yim"]), ChineseSurname("余", "Yu", ["Yee"]),
        ChineseSurname("潘", "Pan", ["Poon"]), ChineseSurname("杜", "Du", ["To", "Tu"]),
        ChineseSurname("戴", "Dai", ["Tai"]), ChineseSurname("夏", "Xia", ["Ha", "Hsia"]),
        ChineseSurname("钟", "Zhong", ["Chung"]), ChineseSurname("汪", "Wang", ["Wong"]),
        ChineseSurname("田", "Tian", ["Tin"]), ChineseSurname("任", "Ren", ["Yam", "Jen"]),
        ChineseSurname("姜", "Jiang", ["Keung"]), ChineseSurname("范", "Fan"), ChineseSurname("方", "Fang", ["Fong"]),
        ChineseSurname("石", "Shi", ["Shek"]), ChineseSurname("姚", "Yao", ["Yiu"]),
        ChineseSurname("谭", "Tan", ["Tam"]), ChineseSurname("廖", "Liao", ["Liu"]),
        ChineseSurname("邹", "Zou", ["Chau", "Tsou"]), ChineseSurname("熊", "Xiong", ["Hung", "Hsiung"]),
        ChineseSurname("金", "Jin", ["Kam", "Chin"]), ChineseSurname("陆", "Lu", ["Luk"]),
        ChineseSurname("郝", "Hao", ["Kok"]), ChineseSurname("孔", "Kong", ["Hung"]), ChineseSurname("白", "Bai", ["Pak"]),
        ChineseSurname("崔", "Cui", ["Tsui", "Choi"]), ChineseSurname("康", "Kang", ["Hong"]),
        ChineseSurname("毛", "Mao", ["Mo"]), ChineseSurname("邱", "Qiu", ["Yau", "Chiu"]),
        ChineseSurname("秦", "Qin", ["Chun", "Chin"]), ChineseSurname("江", "Jiang", ["Kong"]),
        ChineseSurname("史", "Shi", ["Sze"]), ChineseSurname("顾", "Gu", ["Koo", "Ku"]),
        ChineseSurname("侯", "Hou", ["Hau"]), ChineseSurname("邵", "Shao", ["Shiu"]),
        ChineseSurname("孟", "Meng", ["Mang"]), ChineseSurname("龙", "Long", ["Lung"]),
        ChineseSurname("万", "Wan", ["Man"]), ChineseSurname("段", "Duan", ["Tuen"]),
        ChineseSurname("雷", "Lei", ["Lui"]), ChineseSurname("钱", "Qian", ["Chin", "Chien"]),
        ChineseSurname("汤", "Tang", ["Tong"]), ChineseSurname("尹", "Yin", ["Wan"]),
        ChineseSurname("黎", "Li", ["Lai"]), ChineseSurname("易", "Yi", ["Yik"]),
        ChineseSurname("常", "Chang", ["Sheung"]),
        ChineseSurname("武", "Wu", ["Mo"]), ChineseSurname("乔", "Qiao", ["Kiu"]), ChineseSurname("贺", "He", ["Ho"]),
        ChineseSurname("赖", "Lai"), ChineseSurname("龚", "Gong", ["Kung"]), ChineseSurname("文", "Wen", ["Man"]),
        ChineseSurname("欧阳", "Ouyang", ["Au-Yeung", "Auyeung"]), ChineseSurname("司马", "Sima", ["Szema"]),
    ]

    /// Characters more often given to boys.
    static let maleSyllables: [ChineseSyllable] = [
        ChineseSyllable("伟", "wei"), ChineseSyllable("强", "qiang"), ChineseSyllable("磊", "lei"),
        ChineseSyllable("军", "jun"), ChineseSyllable("洋", "yang"), ChineseSyllable("勇", "yong"),
        ChineseSyllable("杰", "jie"), ChineseSyllable("涛", "tao"), ChineseSyllable("明", "ming"),
        ChineseSyllable("超", "chao"), ChineseSyllable("刚", "gang"), ChineseSyllable("平", "ping"),
        ChineseSyllable("辉", "hui"), ChineseSyllable("鹏", "peng"), ChineseSyllable("华", "hua"),
        ChineseSyllable("建", "jian"), ChineseSyllable("国", "guo"), ChineseSyllable("峰", "feng"),
        ChineseSyllable("斌", "bin"), ChineseSyllable("宇", "yu"), ChineseSyllable("浩", "hao"),
        ChineseSyllable("凯", "kai"), ChineseSyllable("鑫", "xin"), ChineseSyllable("亮", "liang"),
        ChineseSyllable("健", "jian"), ChineseSyllable("东", "dong"), ChineseSyllable("志", "zhi"),
        ChineseSyllable("博", "bo"), ChineseSyllable("俊", "jun"), ChineseSyllable("轩", "xuan"),
        ChineseSyllable("昊", "hao"), ChineseSyllable("航", "hang"), ChineseSyllable("泽", "ze"),
        ChineseSyllable("睿", "rui"), ChineseSyllable("文", "wen"), ChineseSyllable("海", "hai"),
        ChineseSyllable("波", "bo"), ChineseSyllable("成", "cheng"), ChineseSyllable("天", "tian"),
        ChineseSyllable("晨", "chen"), ChineseSyllable("嘉", "jia"), ChineseSyllable("德", "de"),
    ]

    /// Characters more often given to girls.
    static let femaleSyllables: [ChineseSyllable] = [
        ChineseSyllable("芳", "fang"), ChineseSyllable("娜", "na"), ChineseSyllable("秀", "xiu"),
        ChineseSyllable("英", "ying"), ChineseSyllable("敏", "min"), ChineseSyllable("静", "jing"),
        ChineseSyllable("丽", "li"), ChineseSyllable("艳", "yan"), ChineseSyllable("娟", "juan"),
        ChineseSyllable("霞", "xia"), ChineseSyllable("桂", "gui"), ChineseSyllable("玉", "yu"),
        ChineseSyllable("红", "hong"), ChineseSyllable("梅", "mei"), ChineseSyllable("琳", "lin"),
        ChineseSyllable("婷", "ting"), ChineseSyllable("雪", "xue"), ChineseSyllable("慧", "hui"),
        ChineseSyllable("晓", "xiao"), ChineseSyllable("欣", "xin"), ChineseSyllable("怡", "yi"),
        ChineseSyllable("涵", "han"), ChineseSyllable("雨", "yu"), ChineseSyllable("佳", "jia"),
        ChineseSyllable("思", "si"), ChineseSyllable("倩", "qian"), ChineseSyllable("颖", "ying"),
        ChineseSyllable("璐", "lu"), ChineseSyllable("诗", "shi"), ChineseSyllable("梦", "meng"),
        ChineseSyllable("琪", "qi"), ChineseSyllable("蕾", "lei"), ChineseSyllable("瑶", "yao"),
        ChineseSyllable("萍", "ping"), ChineseSyllable("燕", "yan"), ChineseSyllable("兰", "lan"),
        ChineseSyllable("春", "chun"), ChineseSyllable("月", "yue"), ChineseSyllable("莉", "li"),
        ChineseSyllable("小", "xiao"), ChineseSyllable("安", "an"), ChineseSyllable("宁", "ning"),
    ]
}
