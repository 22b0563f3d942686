/// The standard WFDB annotation codes (ecgcodes.h) and their mnemonics, as MIT-format annotation
/// files store them (codes 1-49 in the top six bits of an annotation word).
public enum MITAnnotationCode {
    /// Code → mnemonic for every defined code ("N" normal beat, "V" PVC, "+" rhythm change, ...).
    public static let mnemonics: [Int: String] = [
        0: "NOTQRS",
        1: "N",  // normal beat
        2: "L",  // left bundle branch block beat
        3: "R",  // right bundle branch block beat
        4: "a",  // aberrated atrial premature beat
        5: "V",  // premature ventricular contraction
        6: "F",  // fusion of ventricular and normal beat
        7: "J",  // nodal (junctional) premature beat
        8: "A",  // atrial premature contraction
        9: "S",  // premature or ectopic supraventricular beat
        10: "E",  // ventricular escape beat
        11: "j",  // nodal (junctional) escape beat
        12: "/",  // paced beat
        13: "Q",  // unclassifiable beat
        14: "~",  // change in signal quality
        16: "|",  // isolated QRS-like artifact
        18: "s",  // ST change
        19: "T",  // T-wave change
        20: "*",  // systole
        21: "D",  // diastole
        22: "\"",  // comment annotation
        23: "=",  // measurement annotation
        24: "p",  // P-wave peak
        25: "B",  // left or right bundle branch block
        26: "^",  // non-conducted pacer spike
        27: "t",  // T-wave peak
        28: "+",  // rhythm change
        29: "u",  // U-wave peak
        30: "?",  // learning
        31: "!",  // ventricular flutter wave
        32: "[",  // start of ventricular flutter/fibrillation
        33: "]",  // end of ventricular flutter/fibrillation
        34: "e",  // atrial escape beat
        35: "n",  // supraventricular escape beat
        36: "@",  // link to external data
        37: "x",  // non-conducted P-wave (blocked APC)
        38: "f",  // fusion of paced and normal beat
        39: "(",  // waveform onset
        40: ")",  // waveform end
        41: "r",  // R-on-T premature ventricular contraction
    ]

    /// Mnemonic → code, the inverse of `mnemonics`.
    public static let codes: [String: Int] = Dictionary(uniqueKeysWithValues: mnemonics.map { ($1, $0) })

    /// The largest code an annotation word can carry (ACMAX); 50-58 are unused, 59-63 are the
    /// pseudo-annotations SKIP, NUM, SUB, CHN and AUX.
    public static let maxCode = 49

    /// The mnemonic of `code`, or "[code]" for a code without one (15, 17, 42-49: user-defined).
    public static func mnemonic(_ code: Int) -> String { mnemonics[code] ?? "[\(code)]" }

    /// The code of a mnemonic, including the "[code]" spelling of codes without one.
    public static func code(_ mnemonic: String) -> Int? {
        if let code = codes[mnemonic] { return code }
        if mnemonic.hasPrefix("["), mnemonic.hasSuffix("]"), let code = Int(mnemonic.dropFirst().dropLast()),
            (0...maxCode).contains(code)
        {
            return code
        }
        return nil
    }

    static let skip = 59
    static let num = 60
    static let sub = 61
    static let chn = 62
    static let aux = 63
}
