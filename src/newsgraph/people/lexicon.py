"""Small hand-written lexicons the people stage reasons with.

Everything here is general English knowledge written for newsgraph (no third-party list copied):
honorifics, role nouns, demonyms, pronouns and a short list of gendered given names. The longer,
data-derived name lists live in ``newsgraph/resources/people_*`` (see their headers for licences).
"""

from __future__ import annotations

HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mr.": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f",
    "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f", "lady": "f",
    "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None, "rev": None,
    "rev.": None, "reverend": None, "mme": "f", "mlle": "f", "herr": "m", "frau": "f",
    "sheikh": "m", "rabbi": None, "father": "m", "sister": "f", "brother": "m",
}

# role nouns that make a title when written before a name ("Minister Elena Marchetti") or as a
# description ("the foreign minister"); value is the gender the noun implies, if any
ROLE_NOUNS: dict[str, str | None] = {
    "president": None, "minister": None, "chancellor": None, "premier": None, "king": "m",
    "queen": "f", "prince": "m", "princess": "f", "emperor": "m", "empress": "f", "pope": "m",
    "senator": None, "governor": None, "mayor": None, "ambassador": None, "envoy": None,
    "secretary": None, "spokesman": "m", "spokeswoman": "f", "spokesperson": None,
    "general": None, "colonel": None, "commander": None, "chief": None, "director": None,
    "chairman": "m", "chairwoman": "f", "chair": None, "ceo": None, "leader": None,
    "lawmaker": None, "legislator": None, "congressman": "m", "congresswoman": "f",
    "representative": None, "deputy": None, "official": None, "diplomat": None, "judge": None,
    "prosecutor": None, "attorney": None, "lawyer": None, "coach": None, "captain": None,
    "manager": None, "founder": None, "chancellor-elect": None, "president-elect": None,
    "sheikh": "m", "ayatollah": "m", "cardinal": "m", "bishop": None, "archbishop": None,
    "rabbi": None, "imam": "m", "mp": None, "sergeant": None, "lieutenant": None, "major": None,
    "admiral": None, "marshal": None, "inspector": None, "detective": None, "officer": None,
    "head": None, "boss": None, "economist": None, "analyst": None, "negotiator": None,
    "mediator": None, "hostage": None, "captive": None, "prisoner": None, "soldier": None,
    "activist": None, "journalist": None, "reporter": None, "correspondent": None,
    "businessman": "m", "businesswoman": "f", "student": None, "doctor": None, "nurse": None,
    "professor": None, "researcher": None, "scientist": None, "author": None, "writer": None,
    "actor": "m", "actress": "f", "singer": None, "player": None, "striker": None,
    "goalkeeper": None, "midfielder": None, "defender": None, "driver": None, "rider": None,
    "champion": None, "survivor": None, "victim": None, "witness": None, "suspect": None,
    "man": "m", "woman": "f", "boy": "m", "girl": "f", "citizen": None, "national": None,
    "resident": None, "father": "m", "mother": "f", "son": "m", "daughter": "f",
    "brother": "m", "sister": "f", "husband": "m", "wife": "f", "grandmother": "f",
    "grandfather": "m", "uncle": "m", "aunt": "f", "nephew": "m", "niece": "f", "cousin": None,
    "partner": None, "girlfriend": "f", "boyfriend": "m", "fiance": None, "fiancee": "f",
    "widow": "f", "widower": "m", "grandson": "m", "granddaughter": "f", "child": None,
    "teenager": None, "sergeant-major": None, "militant": None, "gunman": "m", "fighter": None,
    "candidate": None, "nominee": None, "adviser": None, "advisor": None, "aide": None,
    "owner": None, "executive": None, "chancellery": None, "fullback": None, "winger": None,
    "centre": None, "flanker": None, "scrum-half": None, "fly-half": None, "pitcher": None,
    "catcher": None, "shortstop": None, "outfielder": None, "batsman": None, "bowler": None,
    "wicketkeeper": None, "spinner": None, "jockey": None, "trainer": None, "broker": None,
    "dealer": None, "trader": None, "seed": None, "skipper": None, "all-rounder": None,
    # occupations and situations news gives the people it reports on ("a French aid worker",
    # "the Syrian mechanic"); words that are common surnames (cook, smith, baker) stay out
    "detainee": None, "abductee": None, "worker": None, "engineer": None, "teacher": None,
    "farmer": None, "photographer": None, "cameraman": "m", "camerawoman": "f",
    "volunteer": None, "priest": "m", "nun": "f", "paramedic": None, "medic": None,
    "firefighter": None, "policeman": "m", "policewoman": "f", "mechanic": None,
    "architect": None, "accountant": None, "banker": None, "translator": None,
    "interpreter": None, "filmmaker": None, "musician": None, "artist": None, "athlete": None,
    "employee": None, "staffer": None, "refugee": None, "migrant": None, "civilian": None,
    "protester": None, "demonstrator": None, "tourist": None, "passenger": None,
    "pilgrim": None, "villager": None, "pensioner": None, "retiree": None, "veteran": None,
    "settler": None, "conscript": None, "sailor": None, "fisherman": "m", "surgeon": None,
    "physician": None, "scholar": None, "academic": None, "lecturer": None, "historian": None,
    "poet": None, "novelist": None, "blogger": None, "editor": None, "entrepreneur": None,
    "corporal": None, "brigadier": None, "trooper": None,
    "commissioner": None, "ombudsman": None, "ombudsperson": None, "councillor": None,
    "councilman": "m", "councilwoman": "f", "coordinator": None, "administrator": None,
    "superintendent": None, "chairperson": None, "rapporteur": None,
    "crewman": "m", "crewwoman": "f", "deckhand": None, "chef": None, "pilot": None,
    "guard": None, "electrician": None, "plumber": None, "shopkeeper": None, "nanny": None,
}
# occupations describe a person but make no title ("a Belgian engineer" is no "Engineer of
# Belgium")
OCCUPATIONS = frozenset({
    "crewman", "crewwoman", "deckhand", "chef", "pilot", "guard", "electrician", "plumber",
    "shopkeeper", "nanny", "worker", "engineer", "teacher", "farmer", "photographer", "cameraman", "camerawoman",
    "priest", "nun", "paramedic", "medic", "firefighter", "policeman", "policewoman",
    "mechanic", "architect", "accountant", "banker", "translator", "interpreter", "filmmaker",
    "musician", "artist", "athlete", "employee", "staffer", "veteran", "settler", "conscript",
    "sailor", "fisherman", "surgeon", "physician", "scholar", "academic", "lecturer",
    "historian", "poet", "novelist", "blogger", "editor", "entrepreneur", "driver", "student",
    "nurse", "doctor",
})
# role nouns that are titles proper (used for the ``title`` attribute and "the X" resolution);
# kinship and plain-person nouns describe but are not titles
TITLE_NOUNS = frozenset(
    n for n in ROLE_NOUNS
    if n not in {"man", "woman", "boy", "girl", "citizen", "national", "resident", "father",
                 "mother", "son", "daughter", "brother", "sister", "husband", "wife",
                 "grandmother", "grandfather", "uncle", "aunt", "nephew", "niece", "cousin",
                 "partner", "girlfriend", "boyfriend", "fiance", "fiancee", "widow", "widower",
                 "grandson", "granddaughter", "child", "teenager", "hostage", "captive",
                 "prisoner", "survivor", "victim", "witness", "suspect", "chancellery",
                 "detainee", "abductee", "refugee", "migrant", "civilian", "protester",
                 "demonstrator", "tourist", "passenger", "pilgrim", "villager", "pensioner",
                 "retiree", "volunteer"} and n not in OCCUPATIONS
)
KIN_NOUNS = frozenset({"father", "mother", "son", "daughter", "brother", "sister", "husband",
                       "wife", "grandmother", "grandfather", "uncle", "aunt", "nephew", "niece",
                       "cousin", "partner", "girlfriend", "boyfriend", "fiance", "fiancee",
                       "grandson", "granddaughter", "widow", "widower", "child", "parents"})
# modifiers inside titles that are part of the title ("deputy foreign minister")
TITLE_MODIFIERS = frozenset({"deputy", "foreign", "prime", "vice", "defence", "defense",
                             "interior", "finance", "former", "acting", "chief", "general",
                             "senior", "junior", "assistant", "press", "state", "federal",
                             "supreme", "health", "justice", "trade", "economy", "education",
                             "energy", "transport", "labour", "labor", "agriculture",
                             "culture", "environment", "executive", "managing", "national",
                             "security", "intelligence", "army", "military", "police", "head",
                             "team", "top", "first", "deputy-foreign", "vice-president"})

# demonym -> country, for "Russian President" -> "Foreign Minister of Italy" and citizenship
DEMONYMS: dict[str, str] = {
    "russian": "Russia", "israeli": "Israel", "american": "United States", "us": "United States",
    "u.s.": "United States", "british": "United Kingdom", "uk": "United Kingdom",
    "french": "France", "german": "Germany", "italian": "Italy", "spanish": "Spain",
    "ukrainian": "Ukraine", "chinese": "China", "japanese": "Japan", "korean": "Korea",
    "north korean": "North Korea", "south korean": "South Korea", "indian": "India",
    "pakistani": "Pakistan", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "lebanese": "Lebanon", "egyptian": "Egypt", "jordanian": "Jordan", "saudi": "Saudi Arabia",
    "turkish": "Turkey", "palestinian": "Palestine", "qatari": "Qatar", "emirati": "UAE",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil", "argentine": "Argentina",
    "argentinian": "Argentina", "chilean": "Chile", "colombian": "Colombia",
    "venezuelan": "Venezuela", "cuban": "Cuba", "australian": "Australia",
    "dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria",
    "polish": "Poland", "czech": "Czech Republic", "slovak": "Slovakia", "hungarian": "Hungary",
    "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia", "croatian": "Croatia",
    "bosnian": "Bosnia", "greek": "Greece", "swedish": "Sweden", "norwegian": "Norway",
    "danish": "Denmark", "finnish": "Finland", "irish": "Ireland", "scottish": "Scotland",
    "welsh": "Wales", "english": "England", "portuguese": "Portugal", "belarusian": "Belarus",
    "georgian": "Georgia", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
    "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "afghan": "Afghanistan",
    "nigerian": "Nigeria", "kenyan": "Kenya", "ethiopian": "Ethiopia",
    "south african": "South Africa", "moroccan": "Morocco", "algerian": "Algeria",
    "tunisian": "Tunisia", "libyan": "Libya", "sudanese": "Sudan", "yemeni": "Yemen",
    "indonesian": "Indonesia", "thai": "Thailand", "vietnamese": "Vietnam",
    "filipino": "Philippines", "malaysian": "Malaysia", "taiwanese": "Taiwan",
    "new zealand": "New Zealand", "estonian": "Estonia", "latvian": "Latvia",
    "lithuanian": "Lithuania", "moldovan": "Moldova", "slovenian": "Slovenia",
    "icelandic": "Iceland", "nepalese": "Nepal", "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka", "peruvian": "Peru", "bolivian": "Bolivia",
    "ecuadorian": "Ecuador", "uruguayan": "Uruguay", "paraguayan": "Paraguay",
    "haitian": "Haiti", "jamaican": "Jamaica", "ghanaian": "Ghana", "senegalese": "Senegal",
    "congolese": "Congo", "somali": "Somalia", "rwandan": "Rwanda", "ugandan": "Uganda",
    "zimbabwean": "Zimbabwe", "kuwaiti": "Kuwait", "bahraini": "Bahrain", "omani": "Oman",
    "cypriot": "Cyprus", "maltese": "Malta", "luxembourgish": "Luxembourg",
}
# countries written as possessors ("Russia's president") map to themselves
COUNTRIES = frozenset(DEMONYMS.values()) | frozenset(["Liechtenstein", "Benin", "Monaco", "Andorra", "Togo", "Mali", "Niger", "Chad", "Gabon", "Guinea", "Liberia", "Burundi", "Malawi", "Zambia", "Namibia", "Botswana", "Lesotho", "Swaziland", "Mozambique", "Angola", "Madagascar", "Mauritius", "Eritrea", "Djibouti", "Gambia", "Cameroon", "Tanzania", "Laos", "Cambodia", "Myanmar", "Burma", "Mongolia", "Bhutan", "Maldives", "Brunei", "Singapore", "Fiji", "Samoa", "Tonga", "Honduras", "Guatemala", "Nicaragua", "Panama", "Belize", "Bahamas", "Barbados", "Trinidad", "Guyana", "Suriname", "Kyrgyzstan", "Turkmenistan", "Tajikistan", "Kazakstan", "Macedonia", "Albania", "Montenegro", "Kosovo", "Yugoslavia", "Zaire", "Britain", "America", "Holland", "Bosnia", "Herzegovina", "Chechnya", "Dagestan", "Tibet", "Kashmir", "Gaza", "Crimea", "Donbas"]) | frozenset({"Sierra Leone", "Burkina Faso", "Ivory Coast", "Costa Rica",
                          "El Salvador", "San Marino", "Sri Lanka", "New Zealand", "South Africa",
                          "North Korea", "South Korea", "Saudi Arabia", "United States",
                          "United Kingdom", "Czech Republic", "Dominican Republic",
                          "West Bank", "Hong Kong"})

# third-person pronouns: (gender, number, case)
PRONOUNS: dict[str, tuple[str, str, str]] = {
    "he": ("m", "sg", "subj"), "him": ("m", "sg", "obj"), "his": ("m", "sg", "poss"),
    "himself": ("m", "sg", "refl"), "she": ("f", "sg", "subj"), "her": ("f", "sg", "obj"),
    "hers": ("f", "sg", "poss"), "herself": ("f", "sg", "refl"),
}

# given names whose gender is clear in English-language news; a short hand-written list, with
# the ``-a`` ending rule in :func:`given_name_gender` covering many more Slavic/Romance names
MALE_NAMES = frozenset(["aaron", "abdul", "abdullah", "abraham", "adam", "adrian", "ahmad", "ahmed", "akira", "alan", "albert", "alberto", "alejandro", "alex", "alexander", "alexandre", "alexei", "alexey", "aleksandr", "aleksei", "alexandr", "ali", "alfred", "alfredo", "ali", "amir", "andre", "andreas", "andrei", "andrew", "andrey", "andy", "angelo", "anthony", "antonio", "anton", "arnold", "arthur", "avi", "avraham", "avigdor", "barack", "barry", "ben", "benjamin", "benny", "bernard", "bill", "billy", "bob", "bobby", "boris", "brad", "brian", "bruce", "bruno", "carl", "carlos", "charles", "charlie", "chris", "christian", "christopher", "chuck", "clint", "colin", "craig", "dan", "daniel", "danny", "dave", "david", "dean", "dennis", "denis", "dmitri", "dmitry", "donald", "doug", "douglas", "duncan", "dwight", "ed", "eddie", "edward", "eli", "emmanuel", "enrique", "eric", "erik", "ernest", "ernesto", "evan", "fabio", "felix", "fernando", "francesco", "francis", "francisco", "frank", "franz", "fred", "frederick", "gary", "gavin", "george", "gerald", "gerhard", "giorgio", "giovanni", "giuseppe", "glenn", "gordon", "graham", "greg", "gregory", "guy", "hans", "harold", "harry", "hassan", "heinrich", "helmut", "henri", "henry", "herbert", "hugh", "hugo", "hussein", "ian", "igor", "ilya", "isaac", "ivan", "jack", "jacob", "jacques", "james", "jan", "jason", "javier", "jean", "jeff", "jeffrey", "jeremy", "jerome", "jerry", "jesse", "jim", "jimmy", "joe", "joel", "johann", "johannes", "john", "johnny", "jon", "jonathan", "jordan", "jorge", "jose", "joseph", "josh", "joshua", "juan", "julian", "justin", "karl", "keith", "ken", "kenneth", "kevin", "khalid", "konstantin", "kurt", "larry", "lars", "lee", "leo", "leon", "leonid", "leonard", "lewis", "liam", "lionel", "louis", "luca", "lucas", "luis", "luke", "malcolm", "marc", "marcel", "marco", "marcus", "mario", "mark", "martin", "matt", "matthew", "maurice", "max", "maxim", "maxime", "michael", "michel", "miguel", "mike", "mikhail", "misha", "mohamed", "mohammad", "mohammed", "moshe", "muhammad", "nathan", "neil", "nicholas", "nick", "nicolas", "nicolai", "nikita", "nikolai", "noah", "norman", "oleg", "oliver", "omar", "oscar", "otto", "pablo", "patrick", "paul", "pavel", "pedro", "peter", "phil", "philip", "philippe", "pierre", "rafael", "ralph", "ramon", "randy", "ray", "raymond", "reza", "ricardo", "richard", "rick", "robert", "roberto", "roger", "roland", "ron", "ronald", "roy", "rudolf", "rupert", "russell", "ryan", "salman", "sam", "samuel", "sasha", "scott", "sean", "sebastian", "sergei", "sergey", "seth", "simon", "stanley", "stefan", "stephen", "steve", "steven", "stuart", "ted", "terry", "thomas", "tomas", "tomasz", "tamas", "tim", "timothy", "todd", "tom", "tommy", "tony", "travis", "trevor", "uri", "valentin", "vasily", "victor", "viktor", "vincent", "vitali", "vitaly", "vladimir", "vladislav", "walter", "wayne", "william", "willie", "wolfgang", "xavier", "yair", "yaakov", "yakov", "yevgeny", "yitzhak", "yosef", "yuri", "yury", "zachary", "ziad", "benoit", "emmanuel", "gilles", "jean-pierre", "jean-claude", "yehuda", "shimon", "gideon", "itzhak", "naftali", "benny", "yoav", "ehud", "ariel", "shlomo", "menachem", "abe", "alec", "alistair", "allen", "alvin", "ambrose", "amos", "andres", "angus", "archie", "arturo", "august", "austin", "axel", "barney", "bart", "basil", "benedict", "bennett", "bernie", "bert", "billy", "blake", "boyd", "bradley", "brendan", "brett", "brody", "bryan", "buck", "byron", "caleb", "calvin", "cameron", "carlo", "cecil", "cedric", "cesar", "chad", "chester", "clarence", "claude", "clay", "clayton", "cliff", "clifford", "clyde", "cody", "conor", "conrad", "cornelius", "cory", "curtis", "cyril", "dale", "damian", "damien", "dane", "darius", "darren", "darryl", "derek", "desmond", "dexter", "dick", "dirk", "dominic", "don", "donovan", "dudley", "dustin", "dylan", "earl", "edgar", "edmund", "edwin", "elliott", "elmer", "emil", "emmett", "ernie", "errol", "ethan", "eugene", "everett", "ezra", "floyd", "forrest", "francois", "fraser", "freddie", "gabriel", "garrett", "gene", "geoffrey", "gerard", "gilbert", "giles", "gordon", "grant", "gregor", "gus", "gustav", "hal", "hamish", "hank", "harvey", "hector", "herman", "homer", "horace", "howard", "hubert", "humphrey", "irving", "isaiah", "ivor", "jake", "jared", "jasper", "jay", "jeremiah", "jerald", "jock", "joey", "jonas", "julius", "karl", "kelvin", "kendall", "kent", "kirk", "kurt", "lance", "laurence", "lawrence", "leigh", "leland", "lenny", "leroy", "lester", "lionel", "lloyd", "lorenzo", "lou", "lowell", "lucian", "luther", "lyle", "mack", "marco", "marlon", "marshall", "marty", "marvin", "mason", "matthias", "maurice", "melvin", "merle", "micah", "miles", "milo", "mitchell", "monty", "morgan", "morris", "moses", "murray", "myron", "nathaniel", "ned", "nelson", "nigel", "noel", "norbert", "ollie", "orson", "oswald", "owen", "percy", "perry", "phillip", "pierce", "preston", "quentin", "quincy", "ramsey", "randall", "randolph", "raphael", "reggie", "reginald", "rex", "rhys", "rob", "robin", "rod", "rodney", "rolf", "ronnie", "ross", "rowan", "rufus", "rupert", "russ", "sammy", "saul", "seamus", "shane", "shaun", "sheldon", "sherman", "sid", "sidney", "silas", "sol", "spencer", "stan", "sterling", "stewart", "sylvester", "ted", "terence", "theo", "theodore", "tobias", "toby", "tristan", "troy", "tyler", "ulysses", "vaughn", "vernon", "vic", "vince", "virgil", "wade", "wallace", "walt", "ward", "warren", "wes", "wesley", "wilbur", "wilfred", "will", "willard", "willis", "winston", "woody", "wyatt", "zach", "ike", "mikhail", "yevgeni", "evgeny", "anatoly", "gennady", "vadim", "arkady", "oleksandr", "volodymyr", "taras", "bogdan", "dmytro", "mahmoud", "mustafa", "yusuf", "ibrahim", "ismail", "hamid", "rashid", "tariq", "karim", "nabil", "samir", "walid", "jamal", "faisal"])
FEMALE_NAMES = frozenset(["abigail", "ada", "adele", "agnes", "aisha", "alexandra", "alice", "alicia", "alison", "amanda", "amy", "ana", "anastasia", "andrea", "angela", "angelina", "ann", "anna", "anne", "annie", "antonia", "ashley", "audrey", "barbara", "beatrice", "betty", "beverly", "brenda", "bridget", "camilla", "carla", "carmen", "carol", "caroline", "carolyn", "catherine", "cathy", "charlotte", "chloe", "christina", "christine", "claire", "clara", "claudia", "colleen", "cynthia", "daisy", "dana", "daniela", "danielle", "deborah", "debra", "denise", "diana", "diane", "donna", "doris", "dorothy", "edith", "eleanor", "elena", "elizabeth", "ella", "ellen", "elsa", "emily", "emma", "erica", "esther", "eva", "evelyn", "fatima", "fiona", "florence", "frances", "francesca", "gabriela", "gabrielle", "gail", "galina", "grace", "hannah", "harriet", "heather", "helen", "helena", "hillary", "ingrid", "irene", "iris", "irina", "isabel", "isabella", "jacqueline", "jane", "janet", "janice", "jennifer", "jenny", "jessica", "jill", "joan", "joanna", "joanne", "jody", "josephine", "joyce", "judith", "judy", "julia", "julie", "june", "karen", "kate", "katherine", "kathleen", "kathryn", "katie", "kelly", "kim", "kristina", "laura", "lauren", "leah", "lily", "linda", "lisa", "liz", "lois", "lorraine", "louise", "lucy", "lydia", "lyudmila", "madeleine", "margaret", "maria", "marie", "marina", "marion", "marjorie", "martha", "mary", "maya", "megan", "melanie", "melissa", "mia", "michelle", "miriam", "molly", "monica", "nadia", "nancy", "natalia", "natalie", "natalya", "natasha", "nicole", "nina", "noa", "noura", "olga", "olivia", "pamela", "patricia", "paula", "pauline", "peggy", "penelope", "rachel", "rebecca", "rita", "roberta", "rose", "rosemary", "ruth", "sally", "samantha", "sandra", "sara", "sarah", "sharon", "shirley", "sofia", "sophia", "sophie", "stephanie", "susan", "suzanne", "svetlana", "sylvia", "tamar", "tanya", "tatiana", "teresa", "theresa", "tiffany", "tina", "valentina", "valerie", "vanessa", "vera", "victoria", "violet", "virginia", "vivian", "wendy", "yelena", "yulia", "zoe", "zoya", "liat", "shira", "yael", "michal", "noa", "ayelet", "orly", "hadas", "inbal", "angela", "ursula", "theresa", "hillary", "condoleezza", "golda", "marine", "ségolène", "yevgenia", "oksana", "adeline", "adrienne", "agatha", "aileen", "alexis", "alma", "amelia", "amber", "angie", "annabel", "annette", "antoinette", "april", "arlene", "astrid", "ava", "beatrix", "becky", "belinda", "bella", "bernadette", "bertha", "beryl", "beth", "bethany", "betsy", "bianca", "blanche", "bonnie", "brigitte", "brittany", "brooke", "camille", "candace", "carly", "carolina", "carrie", "cassandra", "cecilia", "celia", "celine", "charlene", "charity", "cheryl", "christa", "christie", "cindy", "clarissa", "claudette", "connie", "constance", "cora", "corinne", "courtney", "crystal", "dagmar", "daphne", "darlene", "dawn", "delia", "della", "delores", "diane", "dinah", "dixie", "dolores", "dora", "dorothea", "edna", "effie", "eileen", "elaine", "eleanora", "eliza", "ella", "ellie", "eloise", "elsie", "elvira", "emilia", "emmeline", "enid", "erin", "estelle", "ethel", "eugenie", "eunice", "faye", "felicity", "flora", "frieda", "gemma", "genevieve", "georgina", "geraldine", "gertrude", "gillian", "ginger", "gladys", "glenda", "gloria", "greta", "gwen", "gwendolyn", "harriet", "hattie", "hazel", "heidi", "henrietta", "hilda", "holly", "ida", "imogen", "ina", "ines", "irma", "isabelle", "ivy", "jade", "jasmine", "jeanette", "jeanne", "jemima", "jenna", "jessie", "joanne", "jocelyn", "johanna", "jolene", "josie", "juanita", "judy", "juliet", "juliette", "justine", "kara", "karin", "kay", "kayla", "kirsten", "kristen", "kristin", "lana", "laurel", "laverne", "leila", "lena", "leona", "leslie", "lillian", "lilly", "lindsay", "lisa", "lola", "loretta", "lorna", "lottie", "louisa", "lucia", "lucille", "luisa", "lynn", "lynne", "mabel", "madeline", "madge", "mae", "maggie", "mamie", "mandy", "marcia", "margo", "margot", "marguerite", "maribel", "marilyn", "marisa", "marjorie", "marlene", "marsha", "maude", "maureen", "mavis", "maxine", "melinda", "mercedes", "meredith", "mildred", "millicent", "minnie", "mira", "miranda", "muriel", "myra", "nadine", "nancy", "naomi", "nellie", "nora", "norma", "octavia", "odette", "olive", "opal", "pam", "pansy", "patsy", "pearl", "peggy", "phoebe", "phyllis", "polly", "priscilla", "prudence", "queenie", "rachael", "ramona", "regina", "renee", "rhoda", "rhonda", "roberta", "robyn", "rosa", "rosalind", "rosalie", "rosie", "rowena", "roxanne", "ruby", "sabrina", "sadie", "selena", "serena", "shannon", "sheila", "shelley", "sherry", "sibyl", "simone", "sonia", "sonja", "stella", "sue", "susanna", "susie", "sybil", "sylvie", "tabitha", "tamara", "tammy", "tess", "tessa", "thelma", "tilly", "trudy", "una", "valeria", "veronica", "vicki", "vickie", "viola", "virginia", "vivienne", "wanda", "wilhelmina", "willa", "winifred", "yolanda", "yvette", "yvonne", "zelda", "olena", "oksana", "lyudmila", "nataliya", "iryna", "yulia", "darya", "polina", "ksenia", "yevgenia", "fatma", "leyla", "zeynep", "amira", "yasmin", "layla", "mariam", "noor", "salma", "rania"])
# -a endings that are masculine despite the rule
_MALE_A = frozenset({"nikita", "ilya", "luca", "joshua", "mustafa", "musa", "isa", "yahya",
                     "mika", "sasha", "misha", "kolya", "vanya", "petya", "andrea", "jonah",
                     "noah", "elijah", "ezra", "akiva", "abba", "luka", "garcia", "costa",
                     "silva", "rocha", "battista", "murtaza", "taha", "hamza", "osama", "zakaria",
                     "attila", "dima", "tolya", "yasha", "lyosha", "seryozha", "grisha", "pasha",
                     # Ukrainian and Russian men's names in -a
                     "mykola", "danila", "danylo", "kuzma", "foma", "nikola", "savva", "gavrila",
                     "lyova", "vova", "styopa", "fedya", "kostya"})


# given names borne by men and women alike ("Robin", "Jordan"), or that lead East Asian names as
# family names ("Kim Jong-un", "Lee Hsien Loong"): the name says nothing of gender, the pronouns decide
UNISEX_NAMES = frozenset(["kim", "lee", "robin", "jamie", "casey", "jesse", "jessie", "jody",
                          "dana", "sidney", "sydney", "kendall", "jordan", "taylor", "morgan",
                          "leslie", "lesley", "terry", "dale", "jean", "jan", "carroll", "marion",
                          "tracy", "tracey", "leigh", "alexis"])
# given names of one gender that are as often family names: "Kelly Clarkson" is a woman, but a
# lone "Kelly" may be Gene Kelly, and a lone "Allen" or "Scott" as likely a woman as a man
FAMILY_TOO = frozenset("""
kelly lindsay lindsey shannon courtney ashley allen arnold austin bennett boyd bradley cameron
clayton clifford craig curtis dean douglas duncan elliott everett francis fraser garrett gilbert
glenn gordon graham grant harvey henry herbert howard irving james kent lawrence lewis lloyd lyle
mack marshall martin mason miles mitchell morris murray neil nelson norman owen perry pierce
preston quincy ramsey randall ray rose ross russell ryan scott sherman simon spencer stanley
sterling stewart stuart thomas todd tyler vaughn wade wallace walter ward warren wayne wesley
willis winston""".split())


def given_name_gender(token: str, *, endings: bool = True, alone: bool = False) -> str | None:
    """``m``, ``f`` or None for a given name, from the lexicon and (with ``endings``) the ``-a``
    ending, which is for a word known to be a given name: many family names end in -a too
    (Garcia, Gupta, Costa). ``alone``: the word is a whole name by itself, so may be a family
    name."""
    t = token.lower().strip(".")
    if t in UNISEX_NAMES or (alone and t in FAMILY_TOO):
        return None
    if t in MALE_NAMES:
        return "m"
    if t in FEMALE_NAMES:
        return "f"
    if endings and len(t) > 3 and t.endswith("a") and t not in _MALE_A:
        return "f"
    return None


# function words that never start or end a person name (fixing NER spans)
NOT_NAME_WORDS = frozenset(["the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is", "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "he", "she", "they", "his", "her", "their", "them", "him", "we", "our", "you", "your", "i", "my", "me", "mr", "mrs", "ms", "dr"])

# person-denoting plural pronouns the stage leaves alone (group reference is out of scope)
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
