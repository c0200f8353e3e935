"""Built-in general-purpose word knowledge for news questions: synonym groups and question cues.

The groups are ordinary English near-synonyms for what news about any conflict, disaster,
election or crisis talks about; they are not tied to one article. Operators add their own
(one-way) synonyms in ``faq.yaml``. A question word found in a group also searches the
group's other words, at a lower weight than the word itself.
"""

from __future__ import annotations

SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    # harm and casualties
    ("died", "dead", "deaths", "death", "killed", "fatalities", "fatality", "casualties", "toll", "perished", "lives"),
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
    ("alliance", "bloc", "coalition", "treaty", "organization", "organisation"),
    ("weapons", "arms", "hardware", "equipment", "vehicles"),
    ("withdrawn", "withdraw", "withdrawal", "leave", "depart"),
    ("sent", "send", "deployed", "deploy", "dispatched", "invited"),
    ("invasion", "attack", "assault", "offensive", "strike"),
    # causes and timelines
    ("began", "begin", "start", "started", "starting", "sparked", "triggered", "erupted", "cause",
     "caused", "why", "reason"),
    ("ended", "end", "finished", "stopped", "concluded"),
    ("price", "prices", "cost", "costs", "hike", "rise", "increase"),
    ("fuel", "gas", "petrol", "gasoline", "lpg", "diesel", "energy"),
    ("economy", "economic", "inflation", "wages", "income", "poverty"),
    ("discontent", "anger", "frustration", "grievances", "dissatisfaction", "resentment"),
    # size and places
    ("largest", "biggest", "major", "main", "greatest"),
    ("big", "large", "huge", "size", "scale", "massive"),
    ("worst", "deadliest", "heaviest", "fiercest", "bloodiest", "hardest"),
    ("hit", "affected", "suffered", "struck", "impacted"),
    ("city", "town", "cities", "metropolis"),
    ("country", "nation", "state", "republic"),
    ("place", "places", "location", "site", "region", "area"),
    ("named", "name", "called", "renamed"),
    ("call", "called", "described", "describe", "labelled", "termed", "branded", "dubbed"),
    ("shut", "cut", "closed", "suspended", "disconnected", "blackout", "outage"),
    # talk and opinion
    ("said", "stated", "told", "claimed", "declared", "announced"),
    ("journalist", "reporter", "correspondent", "reporting"),
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
)

# Question words that tell what kind of answer is wanted, and the sentence feature that carries it.
CUES: dict[str, tuple[str, ...]] = {
    "number": ("how many", "how much", "number of", "what number", "how big", "how large", "toll", "size of"),
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
    "update updates mean meaning explain describe".split()
)
# Common verbs that carry little of a question's topic ("did the alliance bring", "does CSTO stand for"):
# half weight too, so an unknown one does not sink an otherwise well-matched question.
LIGHT_VERBS = frozenset(
    "bring brings brought put puts give gives gave make makes made come comes came go goes went gone use uses "
    "used want wants need needs try tries tried keep keeps kept let seem seems become becomes became call "
    "calls called ask asks asked work works worked stand stands stood involve involves look looks looked "
    "play plays played cause causes caused turn turns turned".split()
)

SMALL_TALK = frozenset(
    "hi hello hey hiya howdy greetings morning evening afternoon night good day thanks thank thx ty "
    "bye goodbye cheers ok okay k yes no yeah yep nope cool great nice fine sure lol hmm test sup yo "
    "welcome you u please".split()
)
