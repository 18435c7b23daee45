"""Word lists the quotes stage reads: speech and attitude cues, titles, pronouns.

Lemmas, lower case. General English news vocabulary only: nothing here names a person or place.

Lists marked "PolNeAR train" were grown from counts on the PolNeAR train split (never dev or
test): for each lemma and each way its complement can hold reported content (object, preposition,
``to``-infinitive, passive subject), how often that complement lies in a gold attribution's content
against how often the lemma occurs with it outside quotation marks. A lemma joins when it has at
least three gold cases and about a third of its occurrences are attributions; cues the stage got
mostly wrong on train were taken out the same way.
"""

from __future__ import annotations

# verbs that introduce what someone said, wrote or signalled
SPEECH_VERBS: frozenset[str] = frozenset("""
say tell add note write report state declare announce explain insist assure urge recount emphasize
emphasise stress claim argue contend maintain warn caution remark reply respond answer ask
acknowledge admit concede confirm deny reveal disclose testify tweet post blog comment observe point
recall reiterate repeat continue predict promise pledge vow threaten demand call plead beg
suggest propose recommend advise counsel complain lament sigh shout yell scream cry whisper mutter
murmur groan joke quip boast brag tease mock scoff sneer chant sing pray exclaim interject interrupt
exhort
concur agree disagree object protest retort counter rebut dispute question wonder speculate guess
estimate allege accuse charge blame criticize criticise praise laud hail thank applaud congratulate
condemn denounce slam blast attack decry bemoan recount describe characterize characterise label
brand dub name assert affirm aver avow swear attest certify guarantee reassure inform notify advise
remind instruct order command direct encourage implore entreat appeal invite challenge dare
forecast project conclude find determine rule decide judge reason infer deduce calculate acknowledge
indicate signal hint imply suggest mention cite quote read summarize summarise outline detail
elaborate clarify specify stipulate concede grant allow prophesy preach lecture tout
""".split())

# verbs of belief and attitude that also take a reported proposition ("worry that ...")
ATTITUDE_VERBS: frozenset[str] = frozenset("""
think believe worry hope expect doubt know suspect assume presume suppose reckon consider
realize realise learn recognize recognise regret wish want plan convince imagine express
hop
""".split())  # "hop": the model's lemma of "hoping"

CUE_LEMMAS: frozenset[str] = SPEECH_VERBS | ATTITUDE_VERBS

# verbs whose subject and complement together are the content, with no source of their own
# ("the bridge seems to be safe")
RAISING_CUES: frozenset[str] = frozenset("appear seem".split())

# passive cues whose subject and complement are the content, the source being the agent if any
# ("the mayor is expected to resign", "the plan was criticized by the union"); from PolNeAR train
# counts of passive cues whose subject lies in a gold content
PASSIVE_CUES: frozenset[str] = frozenset("""
expect know see criticize criticise report consider announce charge show accuse declare mention
confirm project nominate describe say believe think allege rumor rumour suspect estimate predict
view deem portray attack echo reject recognize claim disclose dismiss revere request approve
""".split())

# speech cues annotated even inside another attribution's content ("she said he had noted that
# ..."); other cues there are part of the outer content (PolNeAR train: under 35% of them are
# attributions of their own)
NESTED_CUES: frozenset[str] = frozenset(
    "say add note suggest claim argue cite accuse comment".split())

# cues strong enough to attribute a direct quotation on their own; attitude verbs are not
DIRECT_CUES: frozenset[str] = SPEECH_VERBS | frozenset({"think", "believe", "recall", "hope"})

# verbs whose "to"-infinitive complement is the reported content ("urged the brigade to keep ..."); the
# last line from PolNeAR train counts
TO_COMPLEMENT_CUES: frozenset[str] = frozenset("""
urge ask call tell warn implore beg order command direct encourage challenge advise
appeal press push plead promise pledge vow threaten refuse decline agree offer demand request
plan want wish hope expect seek exhort
decide propose support aim vote show claim prefer suggest argue chant hop look persuade
""".split())

# nouns that carry reported content in "the claim that ...", "his statement that ..."
CUE_NOUNS: frozenset[str] = frozenset("""
claim statement assertion argument allegation accusation warning suggestion belief view
insistence assurance promise pledge vow threat demand charge contention conclusion finding
report announcement admission denial remark comment complaint fear hope concern suspicion
prediction estimate testimony assessment opinion notion idea theory
""".split())

# titles that may stand before a name in a vocative or a speaker ("Mr Smith, ...")
TITLES: frozenset[str] = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir madam president senator sen sen. rep rep.
governor gov gov. minister mayor general gen gen. colonel col col. captain capt capt. judge
chairman chairwoman chair commissioner secretary ambassador prime premier chancellor king queen
prince princess lord lady father sister brother rabbi imam reverend rev rev. officer sergeant
sgt sgt. detective inspector professor doctor director
""".split())

PERSONAL_PRONOUNS: frozenset[str] = frozenset(
    "he she they i we it him her them me us you who".split())

# verbs whose direct object is the attributed content ("cited the report", "questioned his health")
_OBJECT_CUES: frozenset[str] = frozenset("""
cite call attack offer show mention endorse discuss question criticize criticise support reject
defend back reference describe oppose propose accuse condemn acknowledge note praise examine
announce dismiss blast slam deny welcome applaud raise challenge dispute refute address highlight
tout repeat echo quote recommend demand request reveal predict promise pledge claim report tweet
blame characterize label dub brand denounce decry fault mock ridicule lambaste chastise rebuke
admire liken hail proclaim specify compare exhort
""".split())

# object cues added from PolNeAR train counts: lemma whose direct object is the content of a gold
# attribution in at least 3 cases and a third of its occurrences outside quotation marks
_OBJECT_CUES_TRAIN: frozenset[str] = frozenset("""
urge recall list portray explain name declare order thank identify prefer emphasize emphasise
confirm reiterate expect point suggest credit detail congratulate lament stress deem disclose chide
rebut remember contrast disavow paint state argue recount restrict retweet chant outline articulate
assail hammer broadcast bemoan insult prohibit recite rip repudiate attribute decline
express view promote post answer believe recognize expose underscore fear invoke admit display
advocate downplay contemplate document bash hate herald reaffirm concede clarify foresee relish
deride dislike justify pronounce assert lambast savage voice champion unveil contradict favor say
embrace trumpet extol extoll disparage laud taunt publicize publicise preach renounce trash
spotlight mull interpret reprise satirize
""".split())

# object cues whose object is mostly not attributed content ("raised money", "addressed the crowd")
_OBJECT_CUES_WEAK: frozenset[str] = frozenset(
    """raise address welcome challenge quote examine pledge promise compare expect
    prohibit attribute request""".split())

OBJECT_CUES: frozenset[str] = (_OBJECT_CUES | _OBJECT_CUES_TRAIN) - _OBJECT_CUES_WEAK

# verb + preposition whose object is the content ("complained about the microphone")
PREP_CUES: dict[str, frozenset[str]] = {
    "about": frozenset("""complain talk speak write warn worry ask argue testify joke comment rail
        boast brag tweet lie think hear learn care post rant muse wonder question open
        """.split()),
    "of": frozenset("speak talk warn boast complain approve disapprove think hear assure".split()),
    "for": frozenset("""call push press plead pray argue campaign advocate lobby ask appeal vouch
        apologize apologise know""".split()),
    "on": frozenset("""comment focus harp remark reflect elaborate weigh call agree touch dwell
        double split""".split()),
    "against": frozenset("warn argue rail speak testify campaign lobby caution vote come".split()),
    "over": frozenset("clash argue complain fret worry".split()),
    "to": frozenset("refer point respond acquiesce".split()),
    "with": frozenset("agree side disagree".split()),
    "as": frozenset("know regard criticize criticise".split()),
    "at": frozenset("take hint lash balk fire".split()),
    "in": frozenset("believe".split()),
    "from": frozenset("distance".split()),
}

# a preposition and the nouns after it that name a source: "in a new poll, ...", "by one
# estimate, ...", "in his view, ..."
_SOURCE_NOUNS = frozenset("""
poll survey statement interview report study analysis memo letter filing complaint lawsuit speech
column editorial tweet post book testimony word view opinion eye estimate data figure
tally count projection forecast assessment review audit census
""".split())
SOURCE_PREPS: dict[str, frozenset[str]] = {
    "in": _SOURCE_NOUNS, "per": _SOURCE_NOUNS, "by": frozenset("estimate count".split()),
}

# verbs of evidence that take a "that"-clause ("polls show that ...")
EVIDENCE_VERBS: frozenset[str] = frozenset("show reveal demonstrate indicate suggest".split())
