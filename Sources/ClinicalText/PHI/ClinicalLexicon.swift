/// Clinical vocabulary that looks like names but is not: eponyms, drug names and the capitalised words of
/// clinical writing.
///
/// The name detector only considers words that follow a cue, so these lists do not have to be complete to keep
/// most clinical text intact; they exist for the places where a cue and a clinical term meet ("Seen by
/// Neurology", "Mother: Graves disease", "Dr. Hwang ... Hwang" next to "Bell palsy"). Lists are lower case and
/// split on white space; Compliance/phi-scrubbing.md describes how they are used.
enum ClinicalLexicon {
    /// Surnames that name diseases, signs, scores, instruments and procedures. An eponym is only vetoed as a
    /// name when an eponym context word follows it ("Parkinson disease", "Foley catheter", "Murphy sign");
    /// "Dr. Murphy" and "Patient: Sean Murphy" are still names.
    static let eponyms = words(
        """
        addison adie alcock alport alzheimer amsler angelman apgar apley argyll arnold asherman auerbach austin \
        babinski baker ballard bamberger barlow barr barre barré barrett bartholin bartter beck becker behcet behçet \
        bell bennett berger bernard betz binswanger bishop blakemore blalock blumberg boas boerhaave bourneville \
        bowen bowman braden braxton broca brodmann brown brudzinski brugada budd buerger burkitt caplan carnett \
        castleman charcot cheyne chiari christmas churg chvostek coats colles conn cooper corrigan courvoisier \
        couvelaire cowden creutzfeldt crigler crohn cullen cushing danlos dandy denonvilliers dressler dubin \
        dubowitz duchenne dupuytren duroziez ebstein ehlers einthoven eisenmenger epley erb ewing fabry fallot \
        fanconi felty fick finkelstein fisher fitz fleischer fleischner foley folstein fontan fowler fraumeni \
        friedreich galeazzi gardner gaucher gerstmann gilbert gitelman glanzmann glasgow glenn goldmann \
        goodpasture gowers graham graves guillain gunn guthrie hamman hampton hansen hartmann hashimoto hassall \
        hawkins heimlich henle henoch hesselbach hess hickman hicks hippel hirschsprung hodgkin hoffmann holter \
        homans horner hunt hunter huntington hurler jacksonian jakob janeway jarisch jeghers kaposi kartagener \
        kasabach kawasaki kayser kehr kerley kernig kikuchi killip klinefelter klumpke koebner köbner korotkoff \
        korsakoff krukenberg kupffer kussmaul lachman lambert langerhans lennox leopold leventhal levine lewy \
        leydig lhermitte libman lichtenstein liddle lindau lisfranc loeffler loeys lyme lynch mallampati mallory \
        marcus marfan mcburney mcmurray mcroberts meckel meigs meissner menkes merritt mobitz monteggia morison \
        moro morquio morse munchausen münchausen murphy nabothian naegele najjar neer neelsen nelaton nelson \
        niemann nikolsky nissen noonan norwood ogilvie oddi ortolani osborn osgood osler paget pancoast paneth \
        papanicolaou parinaud parkinson patau peutz peyer pfannenstiel phalen pick plummer pompe pott prader \
        prinzmetal pugh purkinje quincke quinton ramsay ranson rathke raynaud recklinghausen reed reiter rendu \
        rett reye robertson romberg rotor rovsing roux salter sanfilippo schatzker schatzki schilling schirmer \
        schlatter schönlein schonlein schwann seldinger sengstaken sertoli sezary sheehan shy sjogren sjögren \
        smith snellen spurling steell stein sternberg stevens stickler still stokes strauss sturge sweet swan \
        ganz takayasu takotsubo tanner taussig tay sachs tenckhoff thessaly thompson tinel todd tourette traube \
        treitz trendelenburg trousseau turcot turner tzanck valsalva vater vinson virchow waldenstrom waldeyer \
        wallenberg weber wegener weil wells wenckebach wernicke west wharton whipple widal willebrand willi \
        williams willis wilms wilson wirsung wolff woods zenker ziehl zollinger johnson doppler down coma
        """)

    /// Words that follow an eponym when it names a condition, finding, score or device rather than a person.
    static let eponymContexts = words(
        """
        disease diseases syndrome syndromes sign signs test tests maneuver manoeuvre maneuvers position catheter \
        catheters tube tubes palsy paralysis phenomenon reflex reflexes score scores scale scales classification \
        criteria grade grading stage staging lymphoma sarcoma tumor tumour tumors thyroiditis encephalopathy \
        psychosis dementia esophagus oesophagus ulcer ulcers diverticulum disorder procedure operation repair \
        technique monitor monitoring ultrasound study fracture fractures cyst node nodes triad law point incision \
        line lines hernia anomaly malformation body bodies cell cells sclerosis aneurysm segment mucosa drain \
        shunt tonometry tonometer method ratio index formula equation rule rules sac pouch space canal duct gland \
        glands membrane loop plexus ligament fascia triangle nerve valve bundle block neuroma nodule nodules spot \
        spots rash angle sinus ring granuloma infarct infarction thrombosis arteritis purpura anemia anaemia \
        leukemia myopathy dystrophy neuropathy ataxia chorea tremor contracture deformity lesion lesions suture \
        forceps retractor clamp mask bag device pump cannula splint traction stain agar effect response pattern \
        wave waves curve pressure approach protocol questionnaire inventory exam examination view views \
        projection phase physiology dysplasia metaplasia carcinoma mole lymphadenopathy fistula varix \
        hypertension anastomosis hemorrhage haemorrhage tract area areas duct ducts organ organs corpuscles \
        enterocolitis colitis ileitis arthritis dermatitis vasculitis gastropathy cardiomyopathy pseudotumor \
        deficiency tendon reaction balloon needle gene genes mutation criterion tetralogy anomaly's
        """)

    /// Common generic and brand drug names. A drug name is never taken as a person's name.
    static let drugs = words(
        """
        abacavir abilify acarbose accupril acetaminophen acetazolamide acetylcysteine actos acyclovir adalimumab \
        adderall adenosine advair albuterol alendronate allopurinol alprazolam alteplase amiodarone amitriptyline \
        amlodipine amoxicillin amoxil amphotericin ampicillin anastrozole apixaban aricept aripiprazole aspart \
        aspirin atenolol ativan atorvastatin atropine augmentin azathioprine azithromycin bactrim baclofen \
        benadryl benazepril benztropine betamethasone bicalutamide biktarvy bisoprolol bivalirudin brilinta \
        budesonide bumetanide bumex buprenorphine bupropion buspirone calcitriol canagliflozin candesartan \
        captopril carbamazepine carbidopa carboplatin carvedilol cefazolin cefepime cefdinir cefpodoxime \
        ceftazidime ceftriaxone cefuroxime celebrex celecoxib cephalexin cetirizine chlorthalidone chlorhexidine \
        cialis cipro ciprofloxacin cisplatin citalopram clarithromycin clindamycin clonazepam clonidine \
        clopidogrel clotrimazole clozapine clozaril colchicine compazine coreg coumadin cozaar crestor \
        cyclobenzaprine cyclophosphamide cyclosporine cymbalta dabigatran dapagliflozin daptomycin darbepoetin \
        decadron degludec demerol denosumab depakote desmopressin dexamethasone dexmedetomidine dextrose \
        diazepam diclofenac dicyclomine digoxin dilantin dilaudid diltiazem diphenhydramine dobutamine docusate \
        dolutegravir donepezil dopamine doxazosin doxorubicin doxycycline dulaglutide duloxetine effexor eliquis \
        empagliflozin enalapril enbrel enoxaparin entresto epinephrine epoetin eplerenone ertapenem \
        erythromycin escitalopram esomeprazole estradiol etanercept ethambutol famotidine farxiga fentanyl \
        ferrous filgrastim finasteride flagyl flecainide flomax fluconazole fludrocortisone fluoxetine \
        fluticasone folfox fosfomycin furosemide gabapentin gentamicin glargine glimepiride glipizide \
        glucagon glyburide haldol haloperidol heparin humalog humira hydralazine hydrochlorothiazide \
        hydrocodone hydrocortisone hydromorphone hydroxychloroquine hydroxyurea hydroxyzine ibuprofen imatinib \
        imdur imipenem imitrex infliximab insulin invokana ipratropium irbesartan isoniazid isosorbide \
        ivermectin jardiance januvia kayexalate keflex keppra ketamine ketorolac klonopin labetalol lactulose \
        lamictal lamotrigine lantus lasix latanoprost letrozole levaquin levemir levetiracetam levofloxacin \
        levothyroxine lexapro lidocaine linezolid liraglutide lisinopril lispro lithium loperamide loratadine \
        lorazepam losartan lovastatin lovenox lyrica magnesium mannitol meclizine medrol meloxicam memantine \
        meropenem mesalamine metformin methadone methimazole methocarbamol methotrexate methylprednisolone \
        metoclopramide metolazone metoprolol metronidazole micafungin midazolam minocycline mirtazapine \
        montelukast morphine motrin moxifloxacin mucinex mycophenolate naloxone naltrexone naproxen narcan \
        nateglinide neurontin nexium nicotine nifedipine nimodipine nitrofurantoin nitroglycerin norco \
        norepinephrine norvasc novolog nystatin olanzapine omeprazole ondansetron oxaliplatin oxcarbazepine \
        oxybutynin oxycodone oxycontin ozempic pantoprazole paroxetine patiromer paxil penicillin percocet \
        phenergan phenobarbital phenylephrine phenytoin pioglitazone piperacillin plavix plaquenil potassium \
        pradaxa pramipexole pravastatin prazosin prednisolone prednisone pregabalin premarin prilosec \
        prochlorperazine promethazine propofol propranolol protonix prozac quetiapine quinapril rabeprazole \
        ramipril ranitidine remdesivir remeron rifampin risperdal risperidone rituximab rivaroxaban \
        rocuronium ropinirole rosuvastatin seretide senna seroquel sertraline sildenafil simvastatin singulair \
        sitagliptin sodium solumedrol sotalol spiriva spironolactone succinylcholine sucralfate sulfamethoxazole \
        sumatriptan symbicort synthroid tacrolimus tamoxifen tamsulosin tazobactam tegretol temazepam \
        tenofovir terazosin terbinafine thiamine ticagrelor timolol tiotropium tizanidine topiramate toradol \
        torsemide tramadol trazodone triamcinolone trimethoprim trulicity tylenol ultram valacyclovir valium \
        valproate valsartan vancomycin vasopressin venlafaxine ventolin verapamil versed viagra vicodin \
        vitamin voltaren warfarin wellbutrin xanax xarelto zantac zestril ziprasidone zithromax zocor zofran \
        zoloft zolpidem zosyn zyprexa zyrtec levodopa cyanocobalamin ergocalciferol cholecalciferol \
        ketoconazole mupirocin bacitracin neosporin silvadene lactated ringer ringers normal saline
        """)

    /// Capitalised words of clinical writing and the English around it that are never a person's name: sections,
    /// departments, roles, findings, body parts, abbreviations. A name found by a cue is rejected if one of its
    /// words is here.
    static let notNames = words(
        """
        a an and are as at be but by for from has have he her his if in into is it its no nor not of off on \
        once only or our out over per she so than that the their them then there these they this those to too \
        under until up upon very was we were what when where which while who whom why  with without yes \
        you your all any both each few more most other some such same own also again after before between \
        during above below through about against already always never now here just please thank thanks dear \
        sincerely regards yours kind  cc re attn subject note notes none nil unknown self n/a na tbd \
        pending declined refused deceased anonymous patient patients pt pts client resident infant baby boy \
        girl male female man woman men women child children adult sex gender age aged years year old yo \
        name names date dates time times dob doa dos mrn id ssn acct account room rm bed unit  floor bay \
        clinic clinics hospital hospitals center centre centers medical medicine health healthcare care \
        service services department dept team group practice surgery office laboratory lab labs pharmacy \
        radiology cardiology neurology oncology hematology haematology nephrology pulmonology pulmonary \
        gastroenterology gi ed er icu micu sicu ccu nicu picu pacu emergency internal family general \
        pediatric pediatrics paediatrics obstetrics gynecology psychiatry psychology dermatology ophthalmology \
        orthopedics orthopaedics urology endocrinology endocrine rheumatology infectious palliative hospice \
        rehab rehabilitation physical occupational speech social work worker case management manager nursing \
        nurse nurses triage charge primary night day evening shift on-call call attending fellow intern \
        student staff consult consultant consultation referral referring requesting ordering provider \
        physician doctor surgeon assistant anesthesia anesthesiology anaesthesia tech technician therapist \
        therapy pharmacist chaplain interpreter educator coordinator navigator dietitian hospitalist \
        intensivist diagnosis diagnoses impression impressions assessment plan plans history hpi pmh psh ros \
        exam examination findings finding indication indications comparison technique procedure procedures \
        report reports summary discharge discharged admission admitted admit follow follow-up result results \
        vitals vital signs medications medication meds allergies allergy nkda chest pain abdomen abdominal \
        head neck back left right bilateral normal abnormal stable unstable alert oriented awake denies \
        reports states presents complains positive negative acute chronic severe mild moderate new status \
        post hx cc bp hr rr temp weight height bmi mg ml iv po prn bid tid qid daily am pm today yesterday \
        tomorrow tonight morning afternoon week weeks month months monday tuesday wednesday thursday friday \
        saturday sunday  feb mar apr jun jul aug sep sept oct nov dec january february march september \
        october november december mother father wife husband spouse partner son daughter sister brother \
        sibling parent parents grandmother grandfather grandson granddaughter niece nephew aunt uncle cousin \
        friend roommate neighbor neighbour caregiver guardian proxy poa dr mr mrs ms miss md rn np pa do \
        english spanish french language insurance medicare medicaid aetna cigna humana kaiser blue cross \
        shield united private self-pay address phone tel fax email cell mobile pager contact information \
        signed electronically dictated transcribed reviewed verified confirmed read interpreted seen examined \
        evaluated cosigned     county city state street road avenue st saint mount mt \
        regional community valley memorial university associates partners llc inc ltd nhs trust foundation \
        general hospital infirmary institute academy school college program programme services unit \
        intensive critical step-down telemetry observation inpatient outpatient ambulatory home nursing \
        facility rehab snf ltc ltach hospice er ed or dept clinic lab radiology ct mri mra ecg ekg echo \
        xr us pet cxr kub eeg emg ncs tte tee cath pci cabg lp abg cbc bmp cmp lft lfts ua inr pt ptt \
        tsh bnp wbc hgb hb plt na k cl co2 bun cr glucose troponin lactate crp esr  hiv hcv hbv tb \
        covid rsv flu mrsa mssa vre esbl uti pna chf copd cad ckd aki dm htn hld afib osa gerd bph \
        cva tia mi pe dvt sob cp n/v abd ext neuro psych resp cv gu msk heent skin general constitutional \
        interval subjective objective review systems physical social surgical past present chief complaint \
        disposition course hospital brief instructions recommendations recommendation comments comment \
        addendum attestation signature signatures impression plan problem problems list active inactive \
        resolved ongoing medical surgical family social allergies immunizations vaccines vaccine \
        code full dnr dni polst molst advance directive directives agent surrogate decision maker \
        consent consents procedure pre-op post-op preop postop operative anesthesia sedation airway \
        specimen specimens pathology cytology microbiology culture cultures sensitivity gram stain \
        negative positive pending final preliminary prelim amended corrected verbal telephone phone \
        video telehealth telemedicine virtual visit visits encounter encounters appointment appointments \
        scheduled cancelled rescheduled no-show noshow arrived departed left ama against advice elopement \
        transfer transferred transport ambulance ems police fire rescue security sitter restraints \
        isolation precautions contact droplet airborne neutropenic fall falls risk high low medium \
        none other others unspecified nos nec see above below attached enclosed copy copies chart \
        record records result signed unsigned draft final version page pages of total \
        nursing dietary nutrition diet npo clear liquids regular cardiac diabetic renal soft \
        hospital's patient's pt's alive well healthy living passed died adopted estranged unknown none \
        cancer carcinoma tumor tumour malignancy leukemia lymphoma melanoma sarcoma breast lung colon prostate \
        ovarian cervical pancreatic gastric liver kidney bladder thyroid brain skin bone blood heart \
        hypertension hypotension diabetes obesity asthma emphysema bronchitis pneumonia sepsis infection \
        stroke dementia depression anxiety bipolar schizophrenia psychosis autism adhd alcoholism addiction \
        arthritis osteoarthritis osteoporosis gout lupus fibromyalgia migraine headache headaches epilepsy \
        seizures seizure glaucoma cataracts cataract blindness deafness anemia anaemia hemophilia thrombosis \
        embolism aneurysm arrhythmia fibrillation murmur angina infarction atherosclerosis hyperlipidemia \
        cholesterol cirrhosis hepatitis pancreatitis colitis ulcer ulcers hernia gallstones appendicitis \
        diverticulitis constipation diarrhea nausea vomiting fever chills cough dyspnea fatigue weakness \
        dizziness syncope edema rash pruritus insomnia apnea snoring tuberculosis influenza measles mumps \
        chickenpox shingles polio malaria hiv aids syphilis gonorrhea chlamydia herpes allergies eczema \
        psoriasis acne dermatitis hypothyroidism hyperthyroidism stones failure disease disorder syndrome \
        positive negative normal abnormal unremarkable noncontributory non-contributory noted denies \
        smoker nonsmoker never former current alcohol tobacco drugs etoh
        """)

    /// Ordinary words that are also given names or surnames ("May", "Will", "Grace", "Park", "Walker"). They
    /// can be names after a strong cue, but a bare capitalised occurrence elsewhere in the note is not
    /// scrubbed as a repetition of a found name, nor taken from an e-mail address.
    static let commonWords = words(
        """
        will ward best may june april august mark bill rose hope grace faith joy dawn eve summer autumn amber ruby \
        pearl \
        iris lily violet ivy holly daisy sunny sky river stone young white brown green black gray grey long \
        little small king bishop hunter baker cook carpenter mason walker park hill wood field major jack \
        frank rich miles case chase lane ward bay page price cash strong sharp bright golden wise gay guy \
        art don ray sun star star moon love carol christian justice royal sterling patience prudence \
        felicity constance charity destiny harmony melody victory trinity reed bell rock forest glen \
        dale brook heath dell moss hazel olive sage jade coral crystal diamond gem honey candy ginger \
        pepper cherry berry apple peach plum jasmine poppy willow aspen cedar oak ash birch clay flint \
        hart fox wolf bear lamb crane swan finch robin jay drake hawk lark raven sparrow wren martin \
        cole grant hardy noble rush small still street west north south east english french irish
        """)

    private static func words(_ text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }
}
