/// The writing systems of a host label's letters, to spot look-alike hosts: `kаіza` with a
/// Cyrillic `а` and `і` looks like `kaiza`. Latin with Han, Hiragana, Katakana or Hangul is
/// normal (Japanese, Chinese and Korean names); any other mix is suspicious.
enum HostScript: Hashable {
    case latin, greek, cyrillic, armenian, georgian, hebrew, arabic, cjk, other

    static func of(_ scalar: Unicode.Scalar) -> HostScript? {
        guard scalar.properties.isAlphabetic else { return nil }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFF21...0xFF5A: return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x530...0x58F: return .armenian
        case 0x10A0...0x10FF, 0x2D00...0x2D2F: return .georgian
        case 0x590...0x5FF: return .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF: return .arabic
        case 0x1100...0x11FF, 0x3040...0x30FF, 0x3130...0x318F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0x20000...0x2FFFF:
            return .cjk
        default: return .other
        }
    }

    static func isMixed(_ label: Substring) -> Bool {
        var scripts = Set(label.unicodeScalars.compactMap(of))
        if scripts.contains(.cjk) { scripts.remove(.latin) }
        return scripts.count > 1
    }
}
