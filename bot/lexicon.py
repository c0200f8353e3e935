"""Built-in general-purpose word knowledge for news questions: synonym groups and question cues.

The groups are ordinary English near-synonyms for what news about any conflict, disaster,
election or crisis talks about; they are not tied to one article. Operators add their own
(one-way) synonyms in ``faq.yaml``. A question word found in a group also searches the
group's other words, at a lower weight than the word itself.

Groups match by stem, so a word is left out of a group when its stem is another word's: "secure"
stems as "security", "struck" as "strike", "powerful" as "power", "made" as "make", "organisation"
as "organised", "reporter" as "reported", "bodies" as "body". Each would make the other word a
synonym it is not ("Collective Security Treaty" had answered "what did Tokayev defend?").
"""

from __future__ import annotations

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # harm and casualties
    ("died", "dead", "deaths", "death", "killed", "fatalities", "fatality", "casualties", "toll", "perished"),
    ("killed", "slain", "murdered", "shot"),
    ("injured", "wounded", "hurt", "injuries", "casualties"),
    ("violent", "violence", "bloody", "deadly", "clashes", "fighting"),
    ("clashes", "fighting", "battles", "skirmishes", "confrontations"),
    # law and order
    ("arrested", "detained", "jailed", "imprisoned", "held", "arrests", "detentions", "custody", "apprehended"),
    ("police", "security", "officers", "forces"),
    ("charged", "accused", "prosecuted", "indicted"),
    ("evidence", "proof", "proven", "prove", "proved", "substantiate"),
    ("blamed", "accused", "attributed"),
    # unrest and politics
    ("protests", "protest", "protesters", "protestors", "demonstrations", "demonstrators", "rallies", "unrest", "riots",
     "uprising", "uprisings", "dissent", "revolt"),
    ("riots", "rioting", "unrest", "disorder", "turmoil", "upheaval", "crisis"),
    ("revolutions", "revolution", "uprisings", "uprising", "revolt", "revolts"),
    ("coup", "putsch", "overthrow", "takeover"),
    ("president", "leader"),
    ("head", "heads", "chief", "runs", "leads", "director", "chairman", "boss"),
    ("government", "authorities", "administration", "regime", "state"),
    ("former", "previous", "ex", "past", "earlier"),
    ("minister", "official", "officials"),
    ("election", "vote", "ballot", "polls"),
    ("resigned", "quit", "dismissed", "sacked", "fired"),
    ("foreign", "external", "outside", "overseas", "international"),
    ("terrorists", "terrorist", "militants", "extremists", "bandits", "insurgents"),
    ("involved", "behind", "responsible", "participated"),
    # military
    ("troops", "soldiers", "forces", "military", "army", "servicemen", "personnel", "peacekeepers", "deployment",
     "contingent"),
    ("alliance", "bloc", "coalition", "treaty"),
    ("weapons", "arms", "hardware", "equipment", "vehicles"),
    ("withdrawn", "withdraw", "withdrawal", "leave", "depart", "departed", "left"),
    ("sent", "send", "deployed", "deploy", "dispatched", "invited"),
    ("invasion", "attack", "assault", "offensive"),
    # causes and timelines
    ("began", "begin", "start", "started", "starting", "sparked", "triggered", "erupted", "cause",
     "caused", "why", "reason"),
    # a group of its own: "the trial opened on 12 September" began, but an opening is no cause
    ("began", "begin", "start", "started", "opened", "commenced", "launched"),
    ("ended", "end", "finished", "stopped", "concluded"),
    ("stay", "stayed", "remain", "remained"),
    ("price", "prices", "cost", "costs", "hike", "rise", "increase"),
    ("fuel", "gas", "lpg", "energy"),  # co-hyponyms apart: petrol is not LPG, nor is diesel
    ("fuel", "petrol", "gasoline"),
    ("fuel", "diesel"),
    ("economy", "economic"),
    ("inflation", "prices"),
    ("discontent", "anger", "frustration", "grievances", "dissatisfaction", "resentment"),
    # size and places
    ("largest", "biggest", "major", "main", "greatest"),
    ("big", "large", "huge", "size", "scale", "massive"),
    ("worst", "deadliest", "heaviest", "fiercest", "bloodiest", "hardest"),
    ("hit", "affected", "suffered", "impacted"),
    ("city", "town", "cities", "metropolis"),
    ("country", "nation", "state", "republic"),
    ("place", "places", "location", "site", "region", "area"),
    ("named", "name", "called", "renamed"),
    ("call", "called", "described", "describe", "labelled", "termed", "branded", "dubbed"),
    ("shut", "cut", "closed", "suspended", "disconnected", "blackout", "outage"),
    # talk and opinion
    ("said", "stated", "told", "claimed", "declared", "announced"),
    ("journalist", "correspondent"),
    ("meeting", "summit", "conference", "talks", "session"),
    ("online", "virtual", "video", "televised"),
    ("help", "support", "assistance", "aid", "request"),
    ("citizens", "people", "civilians", "residents"),
    ("power", "control", "influence", "authority"),
    ("soviet", "ussr"),
    ("russia", "russian", "moscow", "kremlin"),
    ("victory", "win", "won", "triumph", "success"),
    ("prevented", "stopped", "averted", "blocked", "thwarted"),
    ("flood", "floods", "flooding", "deluge", "inundation"),
    ("earthquake", "quake", "tremor", "seismic"),
    ("fire", "fires", "blaze", "wildfire", "wildfires"),
    ("explosion", "explosions", "blast", "blasts", "detonation", "exploded", "blew"),
    ("storm", "hurricane", "cyclone", "typhoon"),
    ("evacuated", "evacuation", "fled", "displaced", "homeless", "relocated"),
    ("damage", "damaged", "destroyed", "destruction"),
    ("rescue", "rescued", "rescuers", "saved"),
    ("hurt", "injured", "harmed", "unharmed", "unhurt", "safe", "safely"),
    # transport and trade
    ("ship", "ships", "vessel", "vessels", "boat", "boats", "tanker", "freighter"),
    ("crew", "sailors", "seafarers", "mariners", "seamen"),
    ("route", "routes", "detour", "diverted", "rerouted", "diversion"),
    ("stuck", "wedged", "aground", "grounded", "trapped", "jammed", "blocked"),
    ("removed", "remove", "cleared", "dug", "dig", "excavated", "dredged"),
    ("weighs", "weight", "heavy", "tonnes", "tons", "tonnage"),
    ("long", "length", "metres", "meters", "feet"),
    ("share", "percent", "percentage", "proportion", "portion", "fraction"),
    ("world", "global", "worldwide"),
    ("trade", "goods", "cargo", "commerce"),
    ("compensation", "damages", "payout", "reimbursement"),
    ("owner", "owns", "owned", "proprietor"),
    ("investigation", "inquiry", "probe", "review"),
    # more of the same: people, work and money, places and movement
    ("premier", "prime", "minister"),
    ("resigned", "resign", "resignation", "quit", "stepped", "steps", "step"),
    ("curfew", "indoors", "lockdown"),
    ("earnings", "income", "wages", "wage", "salary", "salaries", "pay", "paid"),
    ("groceries", "food", "meals"),  # bread is food; food is not bread
    ("scholar", "academic", "researcher", "analyst", "expert", "professor", "specialist"),
    ("withdrawal", "withdraw", "withdrawn", "withdrawing", "pull", "pulled", "pulling", "departure", "exit"),
    ("opponents", "critics", "opposition", "detractors"),
    ("afraid", "feared", "fear", "fears", "warned", "worried", "concern", "concerns", "unease"),
    ("contributed", "supplied", "provided", "sent", "contributing", "supplying"),
    ("protect", "protected", "guard", "guarded", "guarding", "defend", "defended"),
    ("sites", "facilities", "buildings", "locations", "installations"),
    ("demanding", "demand", "demands", "called", "urged", "calls"),
    ("organisations", "organizations", "groups"),
    ("complained", "protested", "objected"),
    ("musician", "pianist", "singer", "artist", "performer"),
    ("homes", "homeless", "houses", "housing", "flats"),
    ("noticed", "felt", "detected", "recorded", "registered"),
    ("strong", "strength", "magnitude", "intensity"),
    ("far", "away", "distance", "kilometres", "kilometers", "miles"),
    ("depth", "deep"),
    ("cost", "losses", "damage", "bill"),
    ("financial", "economic", "money", "dollars", "euros"),
    ("connect", "connects", "links", "link", "joins", "join"),
    ("reopen", "reopened", "resume", "resumed", "restored", "restore", "back", "returned", "regained"),
    ("related", "relative", "relatives", "family", "families", "kin"),  # a son is family, family is not a son
    ("plan", "planned", "plans", "intended", "aimed", "aim", "goal"),
    ("target", "targeted", "directed", "aimed"),
    ("happen", "happened", "occurred", "occur", "took", "place"),
    ("spy", "intelligence", "security"),
    ("lowered", "lower", "cut", "reduced", "reduce"),
    ("cap", "controls", "control", "limit", "ceiling"),
    ("lifted", "ended", "removed", "scrapped", "abolished", "ends"),
    ("members", "member", "states", "countries"),
    ("stored", "kept", "held", "storage", "keep"),
    ("appointed", "named", "became", "appoints", "appointment"),
    ("age", "aged", "old"),
    ("ask", "asked", "asks", "request", "requested"),
)

# Phrasal verbs and idioms of casual questions, read as the one word news writes ("what set off the riots?":
# triggered; "lost their lives": died).
PHRASAL_VERBS = {
    ("set", "off"): "triggered", ("sets", "off"): "triggered", ("kick", "off"): "started",
    ("kicked", "off"): "started", ("lock", "up"): "detain", ("locked", "up"): "detained",
    ("call", "in"): "invite", ("called", "in"): "invited", ("pull", "out"): "withdraw",
    ("pulled", "out"): "withdrew", ("step", "down"): "resign", ("stepped", "down"): "resigned",
    ("break", "out"): "erupt", ("broke", "out"): "erupted", ("go", "home"): "withdraw",
    ("lost", "their", "lives"): "died", ("lose", "their", "lives"): "die", ("lost", "his", "life"): "died",
    ("lost", "her", "life"): "died", ("lives", "were", "lost"): "died",
    ("for", "a", "living"): "work",  # "what does he do for a living": his work, not where he lives
}


# Acronyms people type for names news writes out ("Which UN official…" against "the United Nations human rights
# chief"): a sentence that writes out the name is indexed under the acronym too.
ACRONYMS = {
    "un": ("united nations",), "eu": ("european union",), "uk": ("united kingdom",), "usa": ("united states",),
    "nato": ("north atlantic treaty organization", "north atlantic treaty organisation"),
    "imf": ("international monetary fund",), "iaea": ("international atomic energy agency",),
    "osce": ("organization for security and co-operation in europe",
             "organization for security and cooperation in europe"),
    "opec": ("organization of the petroleum exporting countries",),
    "cis": ("commonwealth of independent states",), "eaeu": ("eurasian economic union",),
    "sco": ("shanghai cooperation organisation", "shanghai cooperation organization"),
    "csto": ("collective security treaty organization", "collective security treaty organisation"),
    "ussr": ("soviet union",), "hrw": ("human rights watch",),
    "pm": ("prime minister",), "mp": ("member of parliament",), "mps": ("members of parliament",),
    "ngo": ("non-governmental organisation", "non-governmental organization"), "ceo": ("chief executive",),
}

# Short forms that informal writing (a reporter's thread, a live blog) uses in its sentences: such a sentence is
# indexed under the words they stand for too, so "acting prime minister" finds "Smailov is acting PM".
SHORT_FORMS = {
    "pm": "prime minister", "govt": "government", "gov": "government", "govts": "governments", "ppl": "people",
    "dept": "department", "intl": "international", "approx": "approximately", "natl": "national",
}

# Question words that tell what kind of answer is wanted, and the sentence feature that carries it.
CUES: dict[str, tuple[str, ...]] = {
    "number": ("how many", "how much", "number ", "count ", "what number", "how big", "how large", "toll", "size of"),
    "person": ("who ", "whom", "whose"),
    "date": ("when ", "what day", "what date", "what year", "what time", "how long"),
    "place": ("where ", "which city", "what city", "which town", "which region", "which country", "what place"),
    "cause": ("why ", "what caused", "what led", "what triggered", "what sparked", "reason"),
}

HARD_CUES = frozenset({"number", "date"})  # asked for by "how many" and "when": a sentence without one cannot answer

NUMBER_WORDS = frozenset(
    "dozen dozens scores hundred hundreds thousand thousands million millions billion half "
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty".split()
)
DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december week weeks month months year years day days yesterday "
    "today tomorrow decade decades".split()
)
CAUSE_WORDS = frozenset("because over due driven began sparked triggered caused amid after led reason".split())

# Words that frame what kind of answer is wanted ("what was his view of ...") more than its topic:
# they count half, like the adjective in "how long".
FRAMING_WORDS = frozenset(
    "view views opinion opinions position stance reaction react response respond comment comments thoughts "
    "think feel role happened happen happening situation story details detail information news latest "
    "update updates mean meaning explain describe date count number amount total age hours times".split()
)
# Common verbs that carry little of a question's topic ("did the alliance bring", "does CSTO stand for"):
# half weight too, so an unknown one does not sink an otherwise well-matched question.
LIGHT_VERBS = frozenset(
    "bring brings brought put puts give gives gave make makes made come comes came go goes went gone use uses "
    "used want wants need needs try tries tried keep keeps kept let seem seems become becomes became call "
    "calls called ask asks asked work works worked stand stands stood involve involves look looks looked "
    "play plays played cause causes caused turn turns turned".split()
)

# The English question words ("wen" and "wich" are read as them, and a word after one may be a misspelt "does").
QUESTION_WORDS = frozenset("what which who whom whose when where why how".split())

SMALL_TALK = frozenset(
    "hi hello hey hiya howdy greetings morning evening afternoon night good day thanks thank thx ty "
    "bye goodbye cheers ok okay k yes no yeah yep nope cool great nice fine sure lol hmm test sup yo "
    "welcome you u please".split()
)

# Countries, their capitals and other large cities: general knowledge that lets "where" questions
# recognise a place the articles name only once ("against Almaty", "the Georgian capital, Tbilisi").
COUNTRY_NAMES = frozenset("""
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech denmark
djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany
ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho
liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland
portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
britain england scotland wales
""".split())
PLACE_NAMES = COUNTRY_NAMES | frozenset("""
europe asia africa america siberia caucasus crimea kurdistan tibet
kabul tirana algiers luanda yerevan canberra vienna baku manama dhaka minsk brussels sarajevo brasilia sofia
ottawa santiago beijing bogota zagreb havana nicosia prague copenhagen cairo tallinn helsinki paris tbilisi berlin
accra athens budapest reykjavik delhi jakarta tehran baghdad dublin jerusalem rome tokyo amman astana nairobi
bishkek vientiane riga beirut tripoli vilnius luxembourg antananarivo kuala lumpur bamako valletta mexico
chisinau ulaanbaatar podgorica rabat maputo naypyidaw windhoek kathmandu amsterdam managua niamey abuja oslo
muscat islamabad panama asuncion lima manila warsaw lisbon doha bucharest moscow kigali riyadh dakar belgrade
bratislava ljubljana mogadishu madrid khartoum stockholm bern damascus taipei dushanbe dodoma bangkok tunis ankara
ashgabat kampala kyiv kiev london washington montevideo tashkent caracas hanoi sanaa lusaka harare
almaty aktau zhanaozen taraz shymkent karaganda aktobe atyrau pavlodar semey kyzylorda taldykorgan uralsk oral
kostanay petropavl turkistan ekibastuz baikonur mangystau akmola
istanbul dubai mumbai shanghai sydney toronto chicago houston miami boston geneva milan munich hamburg barcelona
lyon marseille kharkiv odesa donetsk minsk novosibirsk yekaterinburg omsk samarkand bukhara osh khujand
""".split())
