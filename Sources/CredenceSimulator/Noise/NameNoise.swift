import CredencePrimitives

/// Name noise as data-entry produces it.
enum NameNoise {
    /// Neighbouring keys on a QWERTY keyboard, for substitutions people actually make.
    private static let neighbours: [Character: String] = [
        "a": "qswz", "b": "vghn", "c": "xdfv", "d": "serfcx", "e": "wsdr", "f": "drtgvc", "g": "ftyhbv",
        "h": "gyujnb", "i": "ujko", "j": "huikmn", "k": "jiolm", "l": "kop", "m": "njk", "n": "bhjm", "o": "iklp",
        "p": "ol", "q": "wa", "r": "edft", "s": "awedxz", "t": "rfgy", "u": "yhji", "v": "cfgb", "w": "qase",
        "x": "zsdc", "y": "tghu", "z": "asx",
    ]

    /// Characters often typed for each other because they share a pinyin reading (an input-method slip).
    private static let homophones: [Character: Character] = [
        "明": "铭", "伟": "玮", "丽": "莉", "静": "晶", "军": "君", "华": "桦", "杰": "洁", "芳": "方", "林": "琳",
        "强": "蔷", "磊": "垒", "敏": "民", "娟": "涓", "涛": "滔", "超": "潮", "刚": "钢", "平": "萍", "辉": "晖",
        "鹏": "朋", "玉": "钰", "红": "虹", "梅": "媚", "春": "椿", "海": "亥", "波": "博", "宇": "雨", "浩": "昊",
        "欣": "馨", "怡": "仪", "佳": "嘉", "婷": "亭", "慧": "惠", "晓": "筱", "东": "冬", "志": "智", "凯": "恺",
        "峰": "锋", "成": "诚", "瑶": "遥", "燕": "艳", "兰": "岚", "月": "悦", "宁": "凝", "安": "岸", "英": "瑛",
    ]

    /// One typing error in a Latin name of three or more letters: a neighbouring-key substitution, an
    /// adjacent transposition, a deletion or a doubled letter, never in the first letter (the one people
    /// check). Returns nil only when the name has fewer than three letters.
    static func typo(_ text: String, using random: inout SplitMix64) -> String? {
        let characters = Array(text)
        let letterPositions = characters.indices.filter { characters[$0].isLetter }
        guard letterPositions.count >= 3 else { return nil }
        while true {
            let position = letterPositions[1 + random.below(letterPositions.count - 1)]
            if let result = edit(characters, at: position, kind: random.below(10), using: &random), result != text {
                return result
            }
        }
    }

    /// One edit at `position`: kinds 0-4 substitute, 5-6 transpose with the next letter, 7-8 delete,
    /// 9 double. Nil when that edit cannot apply there (no neighbouring key, nothing to swap with).
    private static func edit(_ characters: [Character], at position: Int, kind: Int, using random: inout SplitMix64)
        -> String?
    {
        var characters = characters
        let original = characters[position]
        switch kind {
        case 0..<5:
            guard let options = neighbours[Character(original.lowercased())] else { return nil }
            let replacement = random.pick(Array(options))
            characters[position] = original.isUppercase ? Character(replacement.uppercased()) : replacement
        case 5..<7:
            let next = position + 1 < characters.count ? position + 1 : position - 1
            guard next > 0, characters[next].isLetter, characters[next] != original else { return nil }
            characters.swapAt(position, next)
        case 7..<9:
            characters.remove(at: position)
        default:
            characters.insert(original, at: position)
        }
        return String(characters)
    }

    /// A Hanzi name with one character replaced by a homophone, or nil when none of its characters has one.
    static func homophoneTypo(_ text: String, using random: inout SplitMix64) -> String? {
        var characters = Array(text)
        let candidates = characters.indices.filter { homophones[characters[$0]] != nil }
        guard !candidates.isEmpty else { return nil }
        let position = random.pick(candidates)
        characters[position] = homophones[characters[position]]!
        return String(characters)
    }
}
