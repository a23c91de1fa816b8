import Foundation

/// Text folded for matching: lowercased, without diacritics (`Zoë Ångström` → `zoe angstrom`, `Łukasz` →
/// `lukasz`, `Straße` → `strasse`), with runs of white space made one space and the ends trimmed.
///
/// Names are indexed and searched in this form, so search is case- and diacritic-insensitive.
public enum SearchKey {
    /// Letters that Unicode does not decompose into a base letter and a mark.
    private static let undecomposed: [Character: String] = [
        "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ħ": "h", "ı": "i",
    ]

    /// The folded form of `text`.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for character in folded {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            if let replacement = undecomposed[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
