"""The event type set and the word lists that map triggers to it.

Types are lower-case names documented in docs/events.md. A verb or noun lemma not listed here can
still be an event (type ``other``): the lists decide the *type*, the parse decides *eventness*.
"""

from __future__ import annotations

# type -> verb lemmas. A lemma belongs to one type; more specific types come first in lookups
# because the dict is inverted in order.
VERB_TYPES: dict[str, tuple[str, ...]] = {
    "meet": ("meet", "host", "receive", "welcome", "greet", "confer"),
    "visit": ("visit", "tour"),
    "release": ("release", "free", "liberate", "unshackle", "hand over", "repatriate",
                "set free"),
    "kidnap": ("kidnap", "abduct", "snatch", "seize", "capture", "take hostage",
               "take captive", "take prisoner"),
    "hold": ("hold", "imprison", "jail", "intern", "confine"),
    "detain": ("detain",),
    "arrest": ("arrest", "apprehend", "nab"),
    "charge": ("charge", "indict", "accuse", "prosecute", "sue"),
    "convict": ("convict",),
    "acquit": ("acquit", "exonerate"),
    "sentence": ("sentence",),
    "kill": ("kill", "murder", "assassinate", "execute", "slay", "massacre", "die", "behead"),
    "attack": ("attack", "bomb", "shell", "strike", "raid", "invade", "assault", "shoot", "fire",
               "storm", "ambush", "target"),
    "injure": ("injure", "wound", "hurt", "maim"),
    "disappear": ("disappear", "vanish", "missing", "go missing"),
    "appeal": ("urge", "appeal", "ask", "call", "implore", "plead", "beg", "request", "demand",
               "press", "petition"),
    "negotiate": ("negotiate", "mediate", "broker", "discuss", "talk", "bargain"),
    "agree": ("agree", "sign", "ratify", "approve", "accept", "settle", "endorse"),
    "reject": ("reject", "refuse", "deny", "veto", "decline", "oppose"),
    "promise": ("promise", "pledge", "vow", "commit", "guarantee", "assure"),
    "migrate": ("move", "migrate", "emigrate", "immigrate", "relocate", "flee", "evacuate",
                "resettle", "deport", "expel", "return", "travel", "arrive", "leave", "depart"),
    "publish": ("publish", "broadcast", "air", "post", "report", "televise", "print", "film",
                "record", "show", "reveal", "disclose", "leak"),
    "say": ("say", "tell", "state", "declare", "announce", "claim", "add", "note", "explain",
            "recount", "describe", "insist", "confirm", "warn", "write", "comment", "emphasize",
            "stress", "argue", "allege", "suggest", "reply", "respond", "thank", "praise",
            "criticize", "condemn", "express", "admit", "acknowledge", "predict", "estimate",
            "speak", "mention", "quote", "testify", "inform", "remark"),
    "think": ("think", "believe", "expect", "hope", "fear", "know", "consider", "doubt",
              "want", "wish", "plan", "intend", "decide", "learn", "understand", "see",
              "regard", "feel", "worry", "anticipate"),
    "elect": ("elect", "vote", "reelect", "re-elect"),
    "appoint": ("appoint", "name", "nominate", "hire", "promote", "install", "designate"),
    "resign": ("resign", "quit", "step down", "retire", "abdicate"),
    "dismiss": ("dismiss", "fire", "sack", "oust", "depose", "remove", "impeach", "suspend"),
    "protest": ("protest", "demonstrate", "rally", "march", "riot", "strike"),
    "rescue": ("rescue",),
    "transaction": ("buy", "sell", "purchase", "acquire", "order", "pay", "lease", "fund",
                    "invest", "finance", "donate", "award", "win", "bid", "spend", "earn",
                    "cost", "borrow", "lend", "trade", "supply", "deliver", "sponsor"),
    "produce": ("build", "make", "produce", "manufacture", "develop", "design", "create",
                "launch", "introduce", "unveil", "roll out", "release", "test", "assemble"),
    "compete": ("compete", "defeat", "beat", "lose", "fight", "contest", "challenge", "rival"),
    "change": ("increase", "decrease", "rise", "fall", "drop", "grow", "cut", "raise",
               "reduce", "double", "halve", "climb", "decline", "surge", "plunge", "soar",
               "expand", "shrink", "delay", "postpone", "cancel", "stop", "halt", "begin",
               "start", "end", "finish", "continue", "resume", "complete", "change"),
    "help": ("help", "support", "assist", "aid", "back", "secure", "facilitate"),
    "accident": ("crash", "collide", "sink", "explode", "burn", "collapse", "derail"),
}

# type -> event nouns: deverbal and other nouns that name something happening in the news
NOUN_TYPES: dict[str, tuple[str, ...]] = {
    "meet": ("meeting", "summit", "talks", "conference", "reception", "encounter", "audience",
             "conversation", "interview", "session", "hearing", "ceremony", "gathering",
             "keynote", "event", "expo", "show", "exhibition", "forum", "convention"),
    "visit": ("visit", "tour", "trip", "stay"),
    "release": ("release", "freedom", "liberation", "exchange", "swap", "handover",
                "repatriation"),
    "kidnap": ("kidnapping", "abduction", "capture", "seizure", "hijacking"),
    "hold": ("captivity", "detention", "imprisonment", "custody", "internment", "siege",
             "blockade", "occupation"),
    "arrest": ("arrest", "crackdown", "roundup"),
    "charge": ("charge", "indictment", "accusation", "prosecution", "lawsuit", "suit", "trial",
               "case", "investigation", "inquiry", "probe", "allegation", "complaint",
               "litigation", "ruling", "verdict", "appeal", "injunction"),
    "convict": ("conviction",),
    "sentence": ("sentence", "sentencing", "penalty", "fine", "punishment"),
    "kill": ("killing", "murder", "assassination", "execution", "death", "massacre",
             "slaughter", "genocide", "shooting", "beheading", "fatality", "homicide"),
    "attack": ("attack", "assault", "bombing", "airstrike", "strike", "offensive", "invasion",
               "incursion", "ambush", "shelling", "raid", "war", "battle", "fighting", "clash",
               "conflict", "violence", "hostilities", "insurgency", "operation", "massacre",
               "terrorism", "rampage", "fire"),
    "injure": ("injury", "wound", "wounding"),
    "appeal": ("appeal", "call", "plea", "request", "demand", "petition", "ultimatum",
               "urging", "bid", "campaign", "effort", "advocacy", "pressure"),
    "negotiate": ("negotiation", "talk", "dialogue", "mediation", "discussion", "deal",
                  "bargaining", "diplomacy", "consultation", "dispute"),
    "agree": ("agreement", "accord", "treaty", "truce", "ceasefire", "armistice", "pact",
              "settlement", "approval", "compromise", "commitment", "deal",
              "signing", "ratification", "endorsement", "acceptance", "partnership",
              "alliance", "merger", "takeover"),
    "reject": ("rejection", "refusal", "denial", "veto", "opposition", "ban", "boycott",
               "embargo", "sanction"),
    "promise": ("promise", "pledge", "vow", "guarantee", "assurance"),
    "migrate": ("move", "migration", "emigration", "immigration", "relocation", "flight",
                "exodus", "evacuation", "deportation", "expulsion", "return", "journey",
                "arrival", "departure", "displacement", "withdrawal", "landing", "takeoff"),
    "publish": ("publication", "broadcast", "report", "announcement", "statement", "video",
                "footage", "speech", "address", "press conference", "briefing", "leak",
                "disclosure", "revelation", "post", "tweet", "podcast", "presentation",
                "remarks", "comment", "criticism", "praise", "warning", "testimony",
                "claim", "interview", "appearance", "premiere", "debut"),
    "elect": ("election", "vote", "poll", "referendum", "ballot", "reelection", "primary",
              "runoff", "victory", "win", "defeat", "race", "contest", "nomination"),
    "appoint": ("appointment", "nomination", "inauguration", "promotion", "hiring",
                "swearing-in", "succession", "placement"),
    "resign": ("resignation", "retirement", "departure", "abdication", "leave"),
    "dismiss": ("dismissal", "ouster", "impeachment", "removal", "firing", "suspension",
                "layoff", "coup"),
    "protest": ("protest", "demonstration", "rally", "march", "riot", "strike", "uprising",
                "revolt", "rebellion", "unrest", "walkout"),
    "rescue": ("rescue", "recovery", "search", "discovery"),
    "transaction": ("sale", "purchase", "acquisition", "order", "payment", "investment",
                    "funding", "donation", "award", "bid", "bidding", "tender", "auction",
                    "delivery", "supply", "trade", "transaction", "loan", "lease", "buyout",
                    "offer", "spending", "ransom", "aid", "bailout", "subsidy", "sales",
                    "shipment", "export", "import", "revenue", "profit", "earnings"),
    "produce": ("production", "development", "launch", "introduction", "unveiling", "test",
                "testing", "trial", "rollout", "construction", "manufacture", "manufacturing",
                "design", "upgrade", "upgrading", "project",
                "release", "innovation", "improvement", "breakthrough", "advancement",
                "redesign", "replacement", "work", "use", "performance"),
    "compete": ("competition", "contest", "race", "rivalry", "battle", "challenge", "match",
                "game", "tournament", "championship", "olympics"),
    "change": ("increase", "decrease", "rise", "fall", "drop", "growth", "cut", "reduction",
               "decline", "surge", "plunge", "loss", "gain", "delay", "postponement",
               "cancellation", "stop", "halt", "start", "end", "change", "shift",
               "expansion", "shortage", "slump", "recession", "crisis", "boom", "collapse",
               "closure", "restructuring", "reform", "plan", "decision", "move", "step",
               "action", "process", "problem", "issue", "glitch", "flaw", "failure", "error",
               "fault", "malfunction", "impact", "effect", "outage"),
    "help": ("help", "support", "assistance", "aid", "relief", "contribution", "cooperation",
             "intervention"),
    "accident": ("accident", "crash", "collision", "explosion", "blast", "fire", "disaster",
                 "catastrophe", "incident", "earthquake", "flood", "storm", "hurricane",
                 "tsunami", "outbreak", "epidemic", "pandemic", "emergency", "tragedy",
                 "wreck", "derailment", "sinking", "meltdown", "spill", "leak"),
}

# deverbal suffixes: a noun ending like this whose stem is no ordinary thing is usually an event
EVENT_NOUN_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ing", "ure", "al", "ery")

# nouns with those endings that name things, places, groups or states, not happenings
NON_EVENT_NOUNS = frozenset("""
nation station position information population generation organization organisation
corporation administration institution condition edition section option portion tradition
relation question region religion version mission commission nutrition ration fraction
function motion notion lotion potion caution emotion portion proportion location direction
education foundation federation association situation reputation constitution destination
application applications solution definition competition_ junction intention attention
mention dimension pension tension extension provision division television vision decision_
occasion session_ passion fashion mansion expression impression profession confession
concession_ possession permission admission_ emission transmission
government department equipment management environment parliament apartment document
instrument segment element moment comment_ statement_ monument sentiment supplement
fragment compartment tournament_ ornament pavement basement garment regiment treatment_
requirement retirement_ amendment agreement_ investment_ payment_ shipment_ settlement_
entertainment employment_ unemployment establishment_ department
performance_ audience balance distance finance insurance instance substance appearance_
alliance_ assurance_ ambulance allowance attendance maintenance_ importance ordinance
evidence experience science conference_ residence sentence_ presence absence difference
reference preference existence influence intelligence licence license independence
audience_ confidence sequence consequence violence_ patience residence province
building thing morning evening ring king string wing spring ceiling meaning earnings_
feeling painting clothing housing funding_ ending_ wedding_ offering setting training
beginning_ opening_ spending_ recording_ hearing_ listing ruling_ being shilling sibling
nature culture future picture structure feature measure pressure_ procedure_ temperature
signature literature legislature furniture creature figure capital hospital animal
official individual material rival signal terminal journal manual total interval
arsenal criminal cardinal festival_ approval_ proposal_ arrival_ survival trial_ tribal
general personal principal portal potential professional chemical interval local
battery gallery lottery machinery mystery pottery surgery_ bakery brewery cemetery
delivery_ discovery_ recovery_ surgery grocery jewelry nursery treasury
""".split()) - frozenset()

# underscore-suffixed words above are listed as reminders that they ARE events; drop them
NON_EVENT_NOUNS = frozenset(w for w in NON_EVENT_NOUNS if not w.endswith("_"))

# verbs that are (almost) never events by themselves: support verbs and stative relations
NON_EVENT_VERBS = frozenset("""
accord include base own relate exist belong consist contain comprise involve brand
seem appear_ mean matter cost_ need lack resemble equal total number age range weigh measure
""".split())
NON_EVENT_VERBS = frozenset(w for w in NON_EVENT_VERBS if not w.endswith("_"))

# verbs whose subject undergoes rather than does the event (PropBank Arg1 subjects)
UNACCUSATIVE_VERBS = frozenset("""
rise fall drop increase decrease grow decline climb surge plunge soar shrink double halve
die arrive happen occur begin start end close open break sink collapse crash explode burn
change remain stay emerge appear disappear vanish stop halt continue resume fail succeed
expire last survive recover improve worsen slip slide jump gain tumble come
""".split())

# nouns whose possessor is the one the event happens to ("his release", "her death")
PATIENT_POSSESSOR_NOUNS = frozenset("""
release arrest capture death killing murder assassination execution detention kidnapping
abduction appointment election reelection dismissal removal ouster imprisonment captivity
injury conviction sentencing trial impeachment nomination promotion rescue funeral
acquisition purchase sale delivery launch development production construction design
""".split())

# mood and modality: events under these are hypothetical (not asserted to have happened)
MODAL_WORDS = frozenset("""
may might could would should must can shall will ought
""".split())
HYPOTHETICAL_GOVERNORS = frozenset("""
want hope plan intend expect seek try attempt aim propose threaten urge ask call appeal
demand request wish need consider offer promise pledge vow suggest recommend push press
advocate campaign lobby fight pray wait
""".split())
HYPOTHETICAL_NOUNS = frozenset("""
commitment promise pledge plan proposal call demand request appeal effort attempt bid offer
threat hope intention aim goal push pressure campaign ultimatum deal agreement
""".split())
# verbs whose "with" phrase names the other party (PropBank Arg1 of meet.03, talk.01, ...)
WITH_PARTNER_VERBS = frozenset("""
meet talk negotiate agree clash fight merge partner cooperate discuss speak side collaborate
consult compete sign settle reconcile
""".split())
# verbs whose inanimate subject is carried along rather than acting
VEHICLE_VERBS = frozenset({"fly", "sail", "drive", "land", "roll", "travel", "run"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without", "fail"})


def _invert(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for etype, words in table.items():
        for w in words:
            out.setdefault(w, etype)
    return out


VERB_TYPE = _invert(VERB_TYPES)
NOUN_TYPE = _invert(NOUN_TYPES)
EVENT_TYPES = tuple(dict.fromkeys([*VERB_TYPES, *NOUN_TYPES, "captivity", "proof_of_life", "state",
                                    "other"]))


def verb_type(lemma: str) -> str:
    return VERB_TYPE.get(lemma, "other")


def noun_type(lemma: str) -> str | None:
    """The event type of an event noun, or None when the noun is not an event."""
    etype = NOUN_TYPE.get(lemma)
    if etype is not None:
        return etype
    if lemma in NON_EVENT_NOUNS or len(lemma) < 6:
        return None
    if lemma.endswith(EVENT_NOUN_SUFFIXES):
        return "other"
    return None
