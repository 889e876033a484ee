/// HTML character references: numeric ones (`&#106;`, `&#x6A;`, with or without `;`, as
/// browsers read them) and the named ones that real pages and evasion tricks use. An unknown
/// name stays as written, which then reaches the page as literal text.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "colon": ":", "Tab": "\t", "NewLine": "\n",
        "lpar": "(", "rpar": ")", "sol": "/", "bsol": "\\", "period": ".", "comma": ",", "excl": "!", "num": "#", "percnt": "%",
        "plus": "+", "equals": "=", "quest": "?", "commat": "@", "lsqb": "[", "rsqb": "]", "lowbar": "_", "grave": "`", "lcub": "{",
        "rcub": "}", "verbar": "|", "semi": ";", "Hat": "^", "dollar": "$", "ast": "*", "copy": "©", "reg": "®", "trade": "™",
        "hellip": "…", "mdash": "—", "ndash": "–", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·",
        "times": "×", "divide": "÷", "deg": "°", "para": "¶", "sect": "§", "laquo": "«", "raquo": "»", "euro": "€", "pound": "£",
        "yen": "¥", "cent": "¢", "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓", "check": "✓", "shy": "\u{AD}", "zwj": "",
        "zwnj": "", "ensp": " ", "emsp": " ", "thinsp": " ",
    ]

    /// `text` with every reference this table knows decoded.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while let amp = text[index...].firstIndex(of: "&") {
            result += text[index..<amp]
            if let (value, end) = reference(at: amp, in: text) {
                result += value
                index = end
            } else {
                result += "&"
                index = text.index(after: amp)
            }
        }
        return result + text[index...]
    }

    /// The length of a well-formed reference at the start of `text` (`&name;`, `&#12;`, `&#x1F;`),
    /// or 0. Text may keep such an `&` as it is.
    static func referenceLength(in text: Substring) -> Int {
        let body = text.dropFirst().prefix(34)
        if body.first == "#" {
            let digits = body.dropFirst().first.map { $0 == "x" || $0 == "X" } == true ? body.dropFirst(2) : body.dropFirst()
            let count = digits.prefix { $0.isHexDigit }.count
            return count > 0 && digits.dropFirst(count).first == ";" ? body.count - digits.count + count + 2 : 0
        }
        let name = body.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return !name.isEmpty && body.dropFirst(name.count).first == ";" ? name.count + 2 : 0
    }

    /// The reference at `amp` and the index after it.
    private static func reference(at amp: String.Index, in text: String) -> (String, String.Index)? {
        var cursor = text.index(after: amp)
        guard cursor < text.endIndex else { return nil }
        if text[cursor] == "#" {
            cursor = text.index(after: cursor)
            var radix = 10
            if cursor < text.endIndex, text[cursor] == "x" || text[cursor] == "X" { radix = 16; cursor = text.index(after: cursor) }
            let digitsStart = cursor
            while cursor < text.endIndex, radix == 16 ? text[cursor].isHexDigit : (text[cursor].isASCII && text[cursor].isNumber) { cursor = text.index(after: cursor) }
            guard cursor > digitsStart else { return nil }
            // Overlong runs of zeros still name one character; a value past Unicode is U+FFFD.
            let digits = text[digitsStart..<cursor].drop { $0 == "0" }
            let value = digits.count > 8 ? nil : UInt32(digits.isEmpty ? "0" : String(digits), radix: radix)
            if cursor < text.endIndex, text[cursor] == ";" { cursor = text.index(after: cursor) }
            let scalar = value.flatMap { $0 == 0 ? nil : Unicode.Scalar($0) } ?? "\u{FFFD}"
            return (String(Character(scalar)), cursor)
        }
        let nameStart = cursor
        while cursor < text.endIndex, text[cursor].isASCII, text[cursor].isLetter || text[cursor].isNumber { cursor = text.index(after: cursor) }
        guard cursor < text.endIndex, text[cursor] == ";", let value = named[String(text[nameStart..<cursor])] else { return nil }
        return (value, text.index(after: cursor))
    }
}
