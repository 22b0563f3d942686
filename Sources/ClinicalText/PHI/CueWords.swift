/// The words that announce an identifier: titles and credentials around names, labels in note headers, the
/// words before a phone number, a record number or a date, and the parts of a postal address.
///
/// All lists are lower case; `Lexicon` turns them into one table so that each word of a note is looked up once.
enum CueWords {
    /// Honorifics that precede a name. "Dr" also ends street names ("Cedar Ridge Dr"); the name detector
    /// only takes it as a title when a capitalised word follows on the same line.
    static let titles = words("dr doctor mr mrs ms miss mx prof professor sra srta mme mlle rev")

    /// Degrees and licences written after a name: "Linda Hwang, MD", "Dev Patel, PA-C".
    static let credentials = words(
        """
        md do rn np pa dds dmd phd mbbs mbchb frcp frcpc frcs mrcp mrcgp frcr facs facc facp faap cnm crna lpn \
        lvn aprn fnp dnp bsn msn pharmd rph lcsw lmsw lmft pt dpt ot otr rt rrt rdcs rdms rvt cgc ms cdces cde \
        cacp absm dabsm mph emt psyd cns anp cna rd rdn slp ccc fasn fccp facog faafp bcps mbbch
        """)

    /// Credentials that also precede a name as a role: "night RN Grace O'Sullivan", "RN: Obinna Eze".
    static let leadingCredentials = words("rn lpn lvn np cna cnm rrt")

    /// Head words of header fields whose value is a person: "Patient:", "Attending:", "PCP:", "Referred by:".
    static let nameLabels = words(
        """
        patient pt name client resident infant proband attending pcp gp physician provider surgeon assistant \
        anesthesia anesthesiologist anaesthetist radiologist pathologist endoscopist sonographer technologist \
        therapist counselor counsellor nurse rn lpn np clinician consultant pharmacist scribe referring \
        requesting ordering guarantor contact kin nok guardian spouse mother father parent son daughter wife \
        husband partner caregiver proxy poa agent by signed cosigned author dictated transcriptionist \
        interpreter witness notified attn physicians doctor midwife cardiologist neurologist oncologist \
        psychiatrist psychologist surgeons subscriber insured informant recipient cc'd
        """)

    /// Verbs before "by" in sign-offs and hand-offs: "seen by", "electronically signed by".
    static let byVerbs = words(
        """
        seen signed dictated reviewed read interpreted confirmed verified performed examined evaluated \
        referred requested accompanied transcribed approved authored reported entered ordered out attended \
        assisted completed prepared written cosigned countersigned supervised staffed called paged given \
        obtained collected drawn witnessed brought visited
        """)

    /// Verbs before "with" when a person follows: "discussed with", "spoke with".
    static let withVerbs = words("discussed spoke spoken talked met staffed consulted conferred seen reviewed")

    /// Family and household members; the word before a name ("daughter Elena", "Wife (Funmilayo)").
    static let relations = words(
        """
        wife husband spouse partner son daughter mother father mom dad sister brother sibling grandson \
        granddaughter grandmother grandfather grandchild niece nephew aunt uncle cousin friend roommate \
        neighbor neighbour fiance fiancee fiancé fiancée stepson stepdaughter stepmother stepfather boyfriend \
        girlfriend caregiver guardian poa proxy
        """)

    /// Job titles written before a colleague's full name: "case manager Olivia Martins".
    static let roles = words(
        """
        manager worker coordinator navigator interpreter translator chaplain educator advocate aide technician \
        paramedic midwife doula dietitian dietician pharmacist therapist counselor counsellor attending \
        resident intern fellow student surgeon physician doctor nurse hospitalist intensivist consultant \
        registrar sonographer technologist
        """)

    /// Lower-case particles inside names: "Pieter van der Merwe", "Omar bin Laden".
    static let particles = words("van von der den de del della di da das dos du la le bin binti bint ibn al el ter ten")

    // MARK: - Dates and times

    /// Month names and their abbreviations, mapped to the month number.
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Words before a day/month written without a year ("on 12/03", "since 3/4"): without one of these, "3/4"
    /// is more likely a fraction, a strength or a score than a date.
    static let dateCues = words(
        """
        on since from until till through thru dated date dos doa dob before after starting started effective due \
        discharge discharged admitted admission visit seen next last rtc recheck repeat surgery operated \
        delivered born died expired deceased scheduled
        """)

    /// Words that make a fraction a fraction ("1/2 tab", "3/5 strength", "2/6 murmur", "D5 1/2 NS").
    static let fractionContexts = words(
        """
        tab tabs tablet tablets pill pills cap caps capsule capsules strength power murmur ns nss dose doses \
        cup cups teaspoon tsp tablespoon tbsp inch inches in cm mm of normal saline hearing vision motor \
        sensation reflexes pulses pulse bilaterally bilateral grip flexion extension ankle knee hip shoulder \
        elbow wrist plantar upper lower proximal distal systolic diastolic holosystolic score
        """)

    /// Words before a four-digit clock time ("at 0630", "since 0100").
    static let timeCues = words("at since until till from by around about approx approximately time before after")

    /// Units and words after a number that make it a quantity, not a time or a date.
    static let quantityUnits = words(
        """
        mg mcg ug g gm gram grams kg lb lbs ml cc l units unit iu meq mmol mol mmhg cm mm m km mile miles \
        steps calories kcal cal percent bpm min mins minute minutes sec secs seconds day days week weeks month \
        months year years x times doses dose puffs drops tabs tablets capsules patients cases cells copies \
        ng pg mu mm3 ul dl per
        """)

    /// Words after a number with a colon that make it a ratio ("1:10 dilution", "titer 1:160").
    static let ratioContexts = words(
        """
        ratio ratios titer titre titers dilution dilutions diluted ana mix mixed odds scale ie carb carbs \
        carbohydrate icr
        """)

    // MARK: - Phones, identifiers, ages

    /// Words before a phone number. Numbers too short or too plain to be recognised by their shape (pagers,
    /// bleeps, extensions, ten digits run together) are only taken after one of these.
    static let phoneCues = words(
        "phone ph tel tél telephone cell mobile mob pager beeper bleep ext extension call callback landline whatsapp")

    /// Words that make a phone number a fax number.
    static let faxCues = words("fax facsimile fx téléc telec télécopieur telecopieur")

    /// Words that announce a record number on their own: "MRN 00482913", "Accession: RAD24-0088123".
    static let identifierCues = words(
        """
        mrn csn fin acct account ssn sin nhs ramq ohip npi dea medicare medicaid mbi hicn accession acc encounter \
        enc chart record serial sn id identifier member policy subscriber claim license licence passport \
        requisition req uid urn chi ihi nhi crn
        """)

    /// Words that announce a record number only with "No", "#", "number" or "ID" after them: "Hospital No:",
    /// "Visit #", "Study ID".
    static let identifierHeads = words(
        """
        hospital unit visit patient pt client resident study exam order insurance group specimen health card \
        device reference ref file billing certificate plan case lab sample episode admission registration \
        agency facility donor
        """)

    /// The words that turn an identifier head into a cue.
    static let identifierQualifiers = words("no number num nbr id # identifier code")

    /// Words before an age: "age 94", "aged 101", "Age: 93".
    static let ageCues = words("age aged ages")

    // MARK: - Addresses

    /// Street types written after the street name: "Willow Creek Rd", "Harrow Road".
    static let streetSuffixes = words(
        """
        street st avenue ave av road rd boulevard blvd lane ln drive dr court ct place pl way terrace ter terr \
        circle cir parkway pkwy highway hwy crescent cres close square sq row trail trl plaza mews gardens grove \
        alley aly pike turnpike expressway expy freeway fwy causeway esplanade parade promenade quay \
        wharf vale broadway ridge heights hts
        """)

    /// Street types written before the street name, as in French and Spanish: "4520 rue Saint-Denis".
    static let streetPrefixes = words("rue avenue boulevard chemin allée allee route calle avenida rua via viale")

    /// Unit designators inside an address: "Apt 3B", "Suite 4", "Flat 7".
    static let unitDesignators = words("apt apartment suite ste unit flat fl floor rm room bldg building lot space")

    static let directionals = words("n s e w ne nw se sw north south east west northeast northwest southeast southwest")

    /// US states, Canadian provinces and Australian states, by postal abbreviation.
    static let regionCodes = words(
        """
        al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd \
        oh ok or pa ri sc sd tn tx ut vt va wa wv wy pr ab bc mb nb nl ns nt nu on pe qc sk yt nsw vic qld tas act
        """)

    /// Region codes that are also everyday clinical abbreviations ("MD", "PA", "CT", "MI", "NS", "PE"): after a
    /// comma they are taken as a state only when a postal code follows.
    static let ambiguousRegionCodes = words(
        """
        md pa ma ms me or in ok co id ga la pr ct va mi dc ab ns pe sc de al il ne mo hi on nt sa wa act mt nd
        """)

    static let regionNames = words(
        """
        alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho \
        illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota \
        mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah \
        vermont virginia washington wisconsin wyoming alberta manitoba ontario quebec québec saskatchewan \
        queensland victoria tasmania
        """)

    /// Australian states, whose postcodes are four digits after the state.
    static let australianStates = words("nsw vic qld sa wa tas nt act")

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
