/// E-mail addresses, URLs and IP addresses: identifiers with a shape of their own, found from the scalars
/// rather than from words, since their parts ("mychart.examplehealth.org") do not split into words.
enum ContactDetector {
    static func detect(in note: NoteText, into candidates: inout [Candidate]) {
        detectEmails(in: note, into: &candidates)
        detectURLs(in: note, into: &candidates)
        detectBareDomains(in: note, into: &candidates)
        detectIPv4(in: note, into: &candidates)
        detectIPv6(in: note, into: &candidates)
    }

    // MARK: - E-mail

    static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "._%+-'".unicodeScalars.contains(scalar)
    }

    static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == "." || scalar == "-"
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 48 && value <= 57) || ((value | 0x20) >= 97 && (value | 0x20) <= 122)
    }

    /// From each "@", out to the ends of a local part and a dotted domain. Each scan stops at the next "@",
    /// so the whole pass is linear.
    static func detectEmails(in note: NoteText, into candidates: inout [Candidate]) {
        let scalars = note.scalars
        for token in note.tokens where token.kind == .symbol && scalars[token.start] == "@" {
            let index = token.start
            var start = index
            while start > 0, isLocalPart(scalars[start - 1]) { start -= 1 }
            while start < index, scalars[start] == "." || scalars[start] == "'" { start += 1 }
            var end = index + 1
            while end < scalars.count, isHostCharacter(scalars[end]) { end += 1 }
            while end > index + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
            guard start < index, isDomain(scalars[(index + 1)..<end], requireKnownTLD: false) else { continue }
            candidates.append(Candidate(kind: .email, start: start, end: end, priority: .email))
        }
    }

    /// At least two labels, and a top-level label of letters only (of a known TLD when asked).
    static func isDomain(_ host: ArraySlice<Unicode.Scalar>, requireKnownTLD: Bool) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }), let top = labels.last,
            top.count >= 2, top.allSatisfy({ NoteText.isLetter($0) })
        else { return false }
        guard requireKnownTLD else { return true }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: top)
        return topLevelDomains.contains(String(view).lowercased())
    }

    /// Top-level domains accepted for a bare host name with no "http://" or "www." ("portal.example.org").
    /// Short words that end sentences or abbreviations ("in", "it", "is", "me", "no", "am") are left out.
    static let topLevelDomains: Set<String> = [
        "com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "ca", "au", "nz", "de", "fr", "nl", "ie",
        "info", "biz", "health", "care", "app", "dev", "ai", "eu", "ch", "se", "dk", "fi", "es", "pt", "br", "mx",
        "jp", "kr", "cn", "ru", "za", "ng", "ke", "gh", "il", "sg", "hk", "tw", "kz", "be", "at", "pl", "cz", "gr",
        "tr", "ar", "cl", "ph", "my", "th", "vn", "pk", "bd", "eg", "sa", "ae", "online", "site", "clinic",
        "hospital", "doctor", "nhs",
    ]

    // MARK: - URLs

    /// "http://", "https://", "ftp://" and "www." addresses, to the next space, less trailing punctuation.
    static func detectURLs(in note: NoteText, into candidates: inout [Candidate]) {
        var index = 0
        while index < note.count {
            defer { index += 1 }
            guard note.isWord(index), note.length(index) <= 5,
                "hHfFsSwW".unicodeScalars.contains(note.scalars[note.tokens[index].start]),
                !note.isSymbol(index - 1, "@"), !note.isSymbol(index - 1, ".")
            else { continue }
            let start = note.tokens[index].start
            let word = note.lower(index)
            let isScheme =
                ["http", "https", "ftp", "sftp"].contains(word) && note.isSymbol(index + 1, ":")
                && note.isSymbol(index + 2, "/") && note.isSymbol(index + 3, "/")
            let isWWW = word == "www" && note.isSymbol(index + 1, ".") && note.isWord(index + 2)
            guard isScheme || isWWW, !note.touching(index - 1, index) || !note.isWord(index - 1) else { continue }
            let end = urlEnd(note.scalars, from: note.tokens[index + 1].end)
            guard end > note.tokens[index + 1].end + 1 else { continue }
            candidates.append(Candidate(kind: .url, start: start, end: end, priority: .url))
            index = note.tokenIndex(containing: end - 1)
        }
    }

    /// The end of a URL that starts before `from`: up to white space or a character that cannot be in a URL,
    /// then without trailing punctuation, and without a closing bracket that has no opening one inside.
    static func urlEnd(_ scalars: [Unicode.Scalar], from: Int) -> Int {
        var end = from
        while end < scalars.count {
            let scalar = scalars[end]
            if NoteText.isSpace(scalar) || NoteText.isNewline(scalar) || "<>\"`|{}".unicodeScalars.contains(scalar)
                || scalar.value < 0x21
            {
                break
            }
            end += 1
        }
        while end > from {
            let last = scalars[end - 1]
            if ".,;:!?'*".unicodeScalars.contains(last) {
                end -= 1
            } else if last == ")" || last == "]" {
                let opening: Unicode.Scalar = last == ")" ? "(" : "["
                if scalars[from..<end].contains(opening) { break }
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// Host names without a scheme ("www.kneehab-exercises.com" is caught above; "portal.example.org" here),
    /// recognised by a known top-level domain, with any path after them.
    static func detectBareDomains(in note: NoteText, into candidates: inout [Candidate]) {
        let scalars = note.scalars
        var scannedTo = 0
        for token in 0..<note.count {
            // A host starts at a word or number, and has a dot or hyphen straight after its first part.
            guard note.isWord(token) || note.isNumber(token), note.tokens[token].start >= scannedTo,
                note.isSymbol(token + 1, in: ".-"),
                !note.touching(token - 1, token) || note.isSymbol(token - 1, in: "([<'\"")
            else { continue }
            let index = note.tokens[token].start
            var end = index
            var dots = 0
            while end < scalars.count, isHostCharacter(scalars[end]) {
                if scalars[end] == "." { dots += 1 }
                end += 1
            }
            scannedTo = end
            guard dots > 0, end >= scalars.count || scalars[end] != "@" else { continue }
            var hostEnd = end
            while hostEnd > index, scalars[hostEnd - 1] == "." || scalars[hostEnd - 1] == "-" { hostEnd -= 1 }
            let host = scalars[index..<hostEnd]
            guard host.contains("."), isDomain(host, requireKnownTLD: true),
                host.contains(where: { NoteText.isLetter($0) })
            else { continue }
            let urlEnd = hostEnd < scalars.count && scalars[hostEnd] == "/" ? urlEnd(scalars, from: hostEnd) : hostEnd
            candidates.append(Candidate(kind: .url, start: index, end: urlEnd, priority: .url))
            scannedTo = max(end, urlEnd)
        }
    }

    // MARK: - IP addresses

    /// Dotted quads with every part at most 255, with an optional port or prefix length.
    static func detectIPv4(in note: NoteText, into candidates: inout [Candidate]) {
        for index in 0..<note.count where note.isNumber(index) {
            guard !(note.isSymbol(index - 1, ".") && note.isNumber(index - 2)),
                !note.touching(index - 1, index)
                    || !note.isWord(index - 1)
            else { continue }
            var parts = [index]
            var next = index
            while parts.count < 4, note.isSymbol(next + 1, "."), note.isNumber(next + 2), note.touching(next, next + 1),
                note.touching(next + 1, next + 2)
            {
                next += 2
                parts.append(next)
            }
            guard parts.count == 4,
                parts.allSatisfy({ note.length($0) <= 3 && (note.value($0) ?? 256) <= 255 }),
                !(note.isSymbol(next + 1, ".") && note.isNumber(next + 2) && note.touching(next, next + 1)),
                !(note.touching(next, next + 1) && note.isWord(next + 1))
            else { continue }
            var end = note.tokens[next].end
            if note.isSymbol(next + 1, ":") || note.isSymbol(next + 1, "/"), note.isNumber(next + 2),
                note.touching(next, next + 1), note.touching(next + 1, next + 2), note.length(next + 2) <= 5
            {
                end = note.tokens[next + 2].end
            }
            candidates.append(
                Candidate(kind: .ipAddress, start: note.tokens[index].start, end: end, priority: .ipAddress))
        }
    }

    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 48 && value <= 57) || ((value | 0x20) >= 97 && (value | 0x20) <= 102)
    }

    /// Runs of hex digits and colons that form a valid IPv6 address with at least one "::" or all eight groups,
    /// so that clock times ("14:30:00") and ratios never qualify.
    static func detectIPv6(in note: NoteText, into candidates: inout [Candidate]) {
        let scalars = note.scalars
        var scannedTo = 0
        for token in 0..<note.count {
            // A run starts at a colon or at letters and digits that a colon follows: "fe80::1", "::1".
            guard note.tokens[token].start >= scannedTo,
                note.isSymbol(token, ":") || note.isWord(token) || note.isNumber(token),
                !note.touching(token - 1, token) || !(note.isWord(token - 1) || note.isNumber(token - 1))
            else { continue }
            var afterPart = token
            while note.isWord(afterPart) || note.isNumber(afterPart) { afterPart += 1 }
            guard note.isSymbol(afterPart, ":") else { continue }
            let index = note.tokens[token].start
            var end = index
            var colons = 0
            while end < scalars.count, isHexDigit(scalars[end]) || scalars[end] == ":" {
                if scalars[end] == ":" { colons += 1 }
                end += 1
            }
            scannedTo = max(end, index + 1)
            guard colons >= 2 else { continue }
            var start = index
            var stop = end
            // A trailing colon belongs to the sentence ("gateway fe80::1:"), unless it is the "::" of the address.
            if stop - start > 2, scalars[stop - 1] == ":", scalars[stop - 2] != ":" { stop -= 1 }
            if scalars[start] == ":", start + 1 < stop, scalars[start + 1] != ":" { start += 1 }
            let before = start > 0 ? scalars[start - 1] : " "
            let after = stop < scalars.count ? scalars[stop] : " "
            guard !NoteText.isLetter(before), !NoteText.isDigit(before), !NoteText.isLetter(after),
                !NoteText.isDigit(after), after != "."
            else { continue }
            if isIPv6(scalars[start..<stop]) {
                candidates.append(Candidate(kind: .ipAddress, start: start, end: stop, priority: .ipAddress))
            }
        }
    }

    static func isIPv6(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        let doubleColons = zip(text, text.dropFirst()).filter { $0 == ":" && $1 == ":" }.count
        guard doubleColons <= 1, groups.allSatisfy({ $0.count <= 4 }) else { return false }
        let filled = groups.filter { !$0.isEmpty }.count
        if doubleColons == 1 {
            return filled >= 2 && filled <= 7 && text.contains(where: { NoteText.isLetter($0) || $0 == ":" })
        }
        return groups.count == 8 && filled == 8
    }
}
