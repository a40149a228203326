/// A district of a Chinese city with its postal code.
struct ChineseDistrict: Sendable {
    let hanzi: String
    let pinyin: String
    let postalCode: String

    init(_ hanzi: String, _ pinyin: String, _ postalCode: String) {
        self.hanzi = hanzi
        self.pinyin = pinyin
        self.postalCode = postalCode
    }
}

/// A Chinese city: its province (or municipality), districts and fixed-line area code (without trunk 0).
struct ChineseCity: Sendable {
    let hanzi: String
    let pinyin: String
    let provinceHanzi: String
    let provincePinyin: String
    let areaCode: String
    let districts: [ChineseDistrict]
}

/// Real Chinese cities and districts, their postal codes and area codes, street names, and the province
/// prefixes of GB/T 2260 administrative division codes.
enum ChinesePlaceCatalog {
    static let cities: [ChineseCity] = [
        ChineseCity(
            hanzi: "北京市", pinyin: "Beijing", provinceHanzi: "北京市", provincePinyin: "Beijing", areaCode: "10",
            districts: [
                ChineseDistrict("朝阳区", "Chaoyang", "100020"), ChineseDistrict("海淀区", "Haidian", "100080"),
                ChineseDistrict("东城区", "Dongcheng", "100010"), ChineseDistrict("西城区", "Xicheng", "100032"),
            ]),
        ChineseCity(
            hanzi: "上海市", pinyin: "Shanghai", provinceHanzi: "上海市", provincePinyin: "Shanghai", areaCode: "21",
            districts: [
                ChineseDistrict("浦东新区", "Pudong", "200120"), ChineseDistrict("黄浦区", "Huangpu", "200001"),
                ChineseDistrict("徐汇区", "Xuhui", "200030"), ChineseDistrict("静安区", "Jing'an", "200040"),
            ]),
        ChineseCity(
            hanzi: "广州市", pinyin: "Guangzhou", provinceHanzi: "广东省", provincePinyin: "Guangdong", areaCode: "20",
            districts: [
                ChineseDistrict("天河区", "Tianhe", "510620"), ChineseDistrict("越秀区", "Yuexiu", "510030"),
                ChineseDistrict("海珠区", "Haizhu", "510220"),
            ]),
        ChineseCity(
            hanzi: "深圳市", pinyin: "Shenzhen", provinceHanzi: "广东省", provincePinyin: "Guangdong", areaCode: "755",
            districts: [
                ChineseDistrict("福田区", "Futian", "518000"), ChineseDistrict("南山区", "Nanshan", "518052"),
                ChineseDistrict("罗湖区", "Luohu", "518001"),
            ]),
        ChineseCity(
            hanzi: "成都市", pinyin: "Chengdu", provinceHanzi: "四川省", provincePinyin: "Sichuan", areaCode: "28",
            districts: [ChineseDistrict("武侯区", "Wuhou", "610041"), ChineseDistrict("锦江区", "Jinjiang", "610021")]),
        ChineseCity(
            hanzi: "杭州市", pinyin: "Hangzhou", provinceHanzi: "浙江省", provincePinyin: "Zhejiang", areaCode: "571",
            districts: [ChineseDistrict("西湖区", "Xihu", "310012"), ChineseDistrict("上城区", "Shangcheng", "310002")]),
        ChineseCity(
            hanzi: "武汉市", pinyin: "Wuhan", provinceHanzi: "湖北省", provincePinyin: "Hubei", areaCode: "27",
            districts: [ChineseDistrict("武昌区", "Wuchang", "430061"), ChineseDistrict("江汉区", "Jianghan", "430015")]),
        ChineseCity(
            hanzi: "南京市", pinyin: "Nanjing", provinceHanzi: "江苏省", provincePinyin: "Jiangsu", areaCode: "25",
            districts: [ChineseDistrict("玄武区", "Xuanwu", "210018"), ChineseDistrict("鼓楼区", "Gulou", "210008")]),
        ChineseCity(
            hanzi: "西安市", pinyin: "Xi'an", provinceHanzi: "陕西省", provincePinyin: "Shaanxi", areaCode: "29",
            districts: [ChineseDistrict("雁塔区", "Yanta", "710061"), ChineseDistrict("碑林区", "Beilin", "710001")]),
        ChineseCity(
            hanzi: "重庆市", pinyin: "Chongqing", provinceHanzi: "重庆市", provincePinyin: "Chongqing", areaCode: "23",
            districts: [ChineseDistrict("渝中区", "Yuzhong", "400010"), ChineseDistrict("江北区", "Jiangbei", "400020")]),
        ChineseCity(
            hanzi: "天津市", pinyin: "Tianjin", provinceHanzi: "天津市", provincePinyin: "Tianjin", areaCode: "22",
            districts: [ChineseDistrict("和平区", "Heping", "300041"), ChineseDistrict("南开区", "Nankai", "300100")]),
        ChineseCity(
            hanzi: "苏州市", pinyin: "Suzhou", provinceHanzi: "江苏省", provincePinyin: "Jiangsu", areaCode: "512",
            districts: [ChineseDistrict("姑苏区", "Gusu", "215000")]),
        ChineseCity(
            hanzi: "长沙市", pinyin: "Changsha", provinceHanzi: "湖南省", provincePinyin: "Hunan", areaCode: "731",
            districts: [ChineseDistrict("岳麓区", "Yuelu", "410006")]),
        ChineseCity(
            hanzi: "郑州市", pinyin: "Zhengzhou", provinceHanzi: "河南省", provincePinyin: "Henan", areaCode: "371",
            districts: [ChineseDistrict("金水区", "Jinshui", "450003")]),
        ChineseCity(
            hanzi: "沈阳市", pinyin: "Shenyang", provinceHanzi: "辽宁省", provincePinyin: "Liaoning", areaCode: "24",
            districts: [ChineseDistrict("和平区", "Heping", "110001")]),
        ChineseCity(
            hanzi: "青岛市", pinyin: "Qingdao", provinceHanzi: "山东省", provincePinyin: "Shandong", areaCode: "532",
            districts: [ChineseDistrict("市南区", "Shinan", "266001")]),
        ChineseCity(
            hanzi: "厦门市", pinyin: "Xiamen", provinceHanzi: "福建省", provincePinyin: "Fujian", areaCode: "592",
            districts: [ChineseDistrict("思明区", "Siming", "361001")]),
        ChineseCity(
            hanzi: "昆明市", pinyin: "Kunming", provinceHanzi: "云南省", provincePinyin: "Yunnan", areaCode: "871",
            districts: [ChineseDistrict("五华区", "Wuhua", "650021")]),
        ChineseCity(
            hanzi: "合肥市", pinyin: "Hefei", provinceHanzi: "安徽省", provincePinyin: "Anhui", areaCode: "551",
            districts: [ChineseDistrict("蜀山区", "Shushan", "230031")]),
        ChineseCity(
            hanzi: "哈尔滨市", pinyin: "Harbin", provinceHanzi: "黑龙江省", provincePinyin: "Heilongjiang", areaCode: "451",
            districts: [ChineseDistrict("南岗区", "Nangang", "150001")]),
    ]

    /// Street names (Hanzi, pinyin without the road word).
    static let streets: [(hanzi: String, pinyin: String)] = [
        ("建国", "Jianguo"), ("人民", "Renmin"), ("解放", "Jiefang"), ("中山", "Zhongshan"), ("长安", "Chang'an"),
        ("南京", "Nanjing"), ("和平", "Heping"), ("胜利", "Shengli"), ("新华", "Xinhua"), ("文化", "Wenhua"),
        ("学府", "Xuefu"), ("科技", "Keji"), ("光明", "Guangming"), ("东风", "Dongfeng"), ("青年", "Qingnian"),
        ("花园", "Huayuan"), ("滨江", "Binjiang"), ("湖滨", "Hubin"), ("幸福", "Xingfu"), ("复兴", "Fuxing"),
    ]

    /// Road words: Hanzi and the English the Latin form uses.
    static let roadKinds: [(hanzi: String, english: String)] = [
        ("路", "Road"), ("街", "Street"), ("大道", "Avenue"),
    ]

    /// The two-digit province codes of GB/T 2260 (the first two digits of a resident ID's address code).
    static let provinceCodes = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
        63, 64, 65,
    ]

    /// Mobile number prefixes in service (China Mobile, Unicom, Telecom, Broadnet).
    static let mobilePrefixes = [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
        "156", "157", "158", "159", "166", "170", "171", "173", "175", "176", "177", "178", "180", "181", "182",
        "183", "184", "185", "186", "187", "188", "189", "191", "198", "199",
    ]
}
