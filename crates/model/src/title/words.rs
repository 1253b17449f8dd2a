//! The word lists a title is made by, in Spanish, Italian, English, French and German: what opens
//! a sentence without saying what happened, what leads into a date or goes on after it, and what a
//! cut title does not end on.

/// Words leaving their sentence's link to the one before; left out when a comma follows them,
/// and those marked `true` also without one ("Inoltre la piattaforma…").
pub(crate) const CONNECTIVES: &[(&str, bool)] = &[
    // Spanish
    ("además", true),
    ("asimismo", true),
    ("también", true),
    ("sin embargo", false),
    ("no obstante", false),
    ("por otra parte", false),
    ("por otro lado", false),
    ("por su parte", false),
    ("en resumen", false),
    ("en ese sentido", false),
    ("en este sentido", false),
    ("de hecho", false),
    ("por lo tanto", false),
    ("por ello", false),
    ("incluso", false),
    ("finalmente", false),
    ("en cambio", false),
    // Italian
    ("inoltre", true),
    ("tuttavia", false),
    ("infatti", false),
    ("in sintesi", false),
    ("in particolare", false),
    ("in effetti", false),
    ("peraltro", false),
    ("quindi", false),
    ("invece", false),
    ("d’altra parte", false),
    ("d'altra parte", false),
    ("dunque", false),
    ("infine", false),
    ("anzi", false),
    // English
    ("moreover", true),
    ("furthermore", true),
    ("additionally", true),
    ("in addition", false),
    ("also", false),
    ("however", false),
    ("meanwhile", false),
    ("in short", false),
    ("in fact", false),
    ("indeed", false),
    ("besides", false),
    ("nevertheless", false),
    ("finally", false),
    ("instead", false),
    // French
    ("de plus", false),
    ("en outre", true),
    ("par ailleurs", false),
    ("cependant", false),
    ("toutefois", false),
    ("néanmoins", false),
    ("en effet", false),
    ("d’ailleurs", false),
    ("d'ailleurs", false),
    ("enfin", false),
    ("ainsi", false),
    ("pourtant", false),
    ("en revanche", false),
    ("bref", false),
    // German
    ("außerdem", true),
    ("zudem", true),
    ("darüber hinaus", true),
    ("allerdings", false),
    ("jedoch", false),
    ("trotzdem", false),
    ("tatsächlich", false),
    ("schließlich", false),
    ("dennoch", false),
    ("stattdessen", false),
    ("kurz", false),
];

/// Prepositions that open an attribution: "Según la demanda,", "Secondo il documento,".
pub(crate) const ATTRIBUTIONS: &[&str] = &[
    "según",
    "de acuerdo con",
    "de acuerdo a",
    "conforme a",
    "secondo",
    "stando a",
    "in base a",
    "according to",
    "as reported by",
    "as stated in",
    "selon",
    "d’après",
    "d'après",
    "laut",
    "gemäß",
    "nach angaben",
];

/// What a source may call the document it reports on.
pub(crate) const DOCUMENTS: &[&str] = &[
    "documento",
    "documentos",
    "informe",
    "demanda",
    "denuncia",
    "querella",
    "sentencia",
    "artículo",
    "fuente",
    "documenti",
    "rapporto",
    "relazione",
    "denuncia",
    "causa",
    "atto",
    "sentenza",
    "articolo",
    "fonte",
    "document",
    "documents",
    "report",
    "complaint",
    "filing",
    "lawsuit",
    "ruling",
    "article",
    "source",
    "rapport",
    "plainte",
    "jugement",
    "arrêt",
    "dokument",
    "bericht",
    "klage",
    "klageschrift",
    "berichts",
    "dokuments",
    "urteils",
    "urteil",
    "artikel",
    "quelle",
];

/// Verbs by which a document says something.
pub(crate) const SAYS: &[&str] = &[
    "dice",
    "afirma",
    "señala",
    "agrega",
    "añade",
    "detalla",
    "asegura",
    "indica",
    "explica",
    "sostiene",
    "especifica",
    "revela",
    "reveló",
    "alega",
    "aggiunge",
    "afferma",
    "sostiene",
    "spiega",
    "scrive",
    "riporta",
    "dichiara",
    "rivela",
    "precisa",
    "legge",
    "says",
    "said",
    "adds",
    "added",
    "states",
    "stated",
    "reads",
    "notes",
    "noted",
    "alleges",
    "alleged",
    "claims",
    "claimed",
    "writes",
    "wrote",
    "reveals",
    "revealed",
    "shows",
    "dit",
    "affirme",
    "ajoute",
    "indique",
    "précise",
    "révèle",
    "souligne",
    "explique",
    "sagt",
    "heißt",
    "erklärt",
    "behauptet",
    "fügt",
    "zeigt",
    "berichtet",
];

/// The words that open what is said: "que", "che", "that".
pub(super) const THAT: &[&str] = &["que", "qué", "che", "that", "qu’", "qu'", "dass"];

/// Words that lead into a date ("in", "entro il", "desde").
#[rustfmt::skip]
pub(crate) const DATE_LEADS: &[&str] = &[
    // Spanish
    "en", "desde", "hasta", "partir", "durante", "hacia", "antes", "después", "finales", "principios", "mediados",
    // Italian
    "nel", "nell’", "nell'", "dal", "dall’", "dall'", "fino", "entro", "partire", "verso", "tra", "fra", "prima",
    "dopo", "inizio", "fine", "metà",
    // English
    "in", "on", "by", "since", "from", "until", "till", "during", "around", "early", "late", "mid", "of",
    // French
    "le", "dès", "depuis", "jusqu’au", "jusqu'au", "jusqu’en", "jusqu'en", "vers", "avant", "après", "début",
    "fin", "mi", "courant",
    // German
    "am", "im", "seit", "bis", "ab", "vom", "von", "anfang", "ende", "mitte", "zum", "um",
];

/// Words after a date that say it goes on ("2020 and 2021", "2011 al 2019").
pub(super) const GOES_ON: &[&str] = &[
    "and", "or", "to", "through", "y", "o", "e", "ed", "u", "al", "a", "hasta", "fino", "et", "ou", "au", "und",
    "oder", "bis",
];

/// Words a cut title does not end on: articles, prepositions, conjunctions, determiners.
#[rustfmt::skip]
pub(crate) const DANGLING: &[&str] = &[
    // Spanish
    "de", "del", "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "y", "o", "e", "u", "a", "al", "en",
    "con", "por", "para", "que", "como", "su", "sus", "sobre", "entre", "sin", "si", "este", "esta", "estos", "estas",
    "ese", "esa", "muy", "más",
    // Italian
    "di", "della", "dei", "degli", "delle", "dello", "il", "i", "gli", "le", "uno", "ai", "agli", "alla", "alle",
    "allo", "nel", "nella", "nei", "negli", "nelle", "per", "su", "sul", "sulla", "da", "dal", "dalla", "che", "tra",
    "fra", "ed", "ad", "questo", "questa", "questi", "queste", "quello", "quella", "suo", "sua", "suoi", "sue", "non",
    "più", "anche", "cui",
    // English
    "the", "an", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "that", "as", "its", "their",
    "his", "her", "into", "than", "but", "this", "these", "those", "which", "who", "not", "more", "very", "be",
    // French
    "des", "les", "une", "du", "au", "aux", "et", "ou", "pour", "par", "avec", "dans", "sur", "sans", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "qui", "dont", "pas", "plus", "très", "ne",
    // German
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "mit",
    "für", "auf", "aus", "bei", "nach", "über", "unter", "zu", "zur", "vom", "im", "am", "an", "dass", "nicht", "sehr",
    "sein", "seine", "ihre", "ihr",
];
