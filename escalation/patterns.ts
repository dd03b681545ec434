/**
 * The triage rules' vocabulary: regular expressions over normalised sentences
 * (see normalise.ts: lowercase, no apostrophes, text-speak expanded, padded with
 * spaces). Kept apart from the decision logic so each list can be read and
 * extended on its own. Welsh words: perygl = danger, cyllell = knife, nawr = now,
 * heno = tonight, ar goll = missing, brifo = hurt.
 */

// Normalised text is single words between single spaces, so a leading space and a
// lookahead for the next space mark whole words; that is much faster than \b with
// Unicode letters, which matters on a 100 KB paste.
const w = (alternatives: string): RegExp => new RegExp(` (?:${alternatives})(?= )`);

/** Now, tonight, happening: the harm is live. */
export const IMMEDIATE = w(
  "right now|now|at the moment|at this moment|currently|will not stop|keeps going|as we speak|as i type(?: this)?|as i write|while i type|while i am typing|mins ago|minutes ago|a minute ago|just|this minute|tonight|happening|just now|still|any minute|hurry|quick|quickly|urgent|urgently|emergency|nawr|heno|rwan|i can hear|i can see|in progress|on (?:his|her|their) way",
);
/** Stronger immediacy that also marks a real, live situation inside a framed question. */
export const LIVE_NOW = w("right now|as we speak|as i type(?: this)?|as i write|this minute|at this moment|hurry|please help|help me|help us|send help|nawr|happening now|just now|tonight");
/** Danger words that are urgent only with immediacy ("in danger right now", "this is an emergency"). */
export const SOFT_DANGER = w("hiding|cuddio|in danger|at risk|emergency|being hurt|getting hurt|not safe|unsafe");
/** Harm that is an emergency whenever it is present or just happened. */
export const HARD_DANGER = w(
  [
    "(?:a|strange|some|an older) (?:man|men) (?:is |are )?in (?:my|her|his|our|their) (?:\\w+ )?(?:room|bedroom)|dangling|dangled|(?:over|off) the balcony|out of the window|(?:baby|toddler|child|her|him) in the bath and left|left (?:the baby|the toddler|her|him) in the bath|not breathing|is not breathing|noose|ligature|llyncu|tabledi|blocking the door|cannot leave|can not leave|(?:tried|trying|try|tries) to (?:grab|snatch|take|abduct|lure|drag)|just (?:hit|punched|kicked|stabbed|attacked|hurt|beat|slapped|strangled|choked|shook|assaulted|raped) (?:him|her|them|me|us|my|his|their|the|a)|stopped breathing|cannot breathe?|cant breathe?|can not breathe?|not responding|is not responding|floppy|gone limp|lifeless|fitting|convulsing|struggling to breathe|turning blue|gone blue",
    "unconscious|unresponsive|will not wake|not waking|not moving|collapsed|having a fit|seizure|passed out",
    "overdose|overdosed|overdosing|(?:drank|drunk|drinking|swallowed|swallowing) (?:some |the |a bottle of )?(?:bleach|poison|antifreeze|chemicals|cleaning \\w+|weedkiller)|drugged|spiked|(?:taken|took|swallowed|had|necked|downed)(?: \\w+){0,6} (?:pills|tablets|paracetamol|bleach|painkillers|medication|meds)|cymryd tabledi",
    "bleeding|blood everywhere|losing blood|stabbed|stabbing|being stabbed|been shot|shot (?:him|her|them)|shooting",
    "choking|strangl\\w*|chokin|chocking|suffocat\\w*|drowning",
    "breaking in|break in|broken in|breaking into|broke into|broken into|break into|(?:climb\\w*|get|getting|break\\w*) (?:in )?(?:through|into) (?:the |my |our |a |her |his )?(?:\\w+ ){0,2}window|torri i mewn|torri mewn|will not let (?:her|him|me|them|us) (?:leave|go|out)|cannot get away|can not get away|trapped|being held|held captive|not swimming|under (?:the )?water|face down in|kicking the door|kicking in the door|kicking the door in|trying to get in|smash\\w* (?:the |my |our |all the )?(?:door|doors|window|windows)|banging on the door|set (?:the )?(?:house|flat|room) on fire|on fire|set fire",
    "dragged (?:in)?to (?:a|the|his|their) (?:car|van)|being dragged|dragged (?:away|off)|dragging (?:her|him|a|the)|bundled|(?:pushed|forced|pulled|shoved) into (?:a|the|his|their) (?:car|van)|snatched|kidnap\\w*|abduct\\w*|strangers car|stranger s car|drove off with|(?:someone|somebody|a man|a woman|a stranger|they|he|she) (?:has |have |just )?(?:taken|took|grabbed|snatched) (?:my|a|the|our|her|his) (?:baby|child|son|daughter|kid|toddler|boy|girl|little|year)",
    "knifepoint|knife point|gunpoint|hostage|held at|fell from|falling from|hit by a car|run over|fell in(?:to)? (?:the |a )?(?:pond|river|water|canal|pool|sea)|on the motorway|on the railway|on the tracks",
    "jump off|jumping off|going to jump|on the (?:bridge|roof|edge|ledge)|has a rope|hanging (?:himself|herself|themselves)|tried to hang|said goodbye|saying goodbye",
    "mewn perygl|perygl|immediate danger|life is at risk|life at risk|cael ei frifo|cael ei churo|cael ei tharo",
  ].join("|"),
);
/** Violence or abuse described as going on (needs immediacy to be an emergency). */
export const VIOLENCE_NOW = w(
  "(?:hitting|beating|kicking|punching|attacking|hurting|strangling|choking|battering|raping|molesting|stabbing|shaking) (?:him|her|them|me|us|my|his|their|the|a)|(?:is|are|am|being|getting|keeps) (?:\\w+ )?(?:hitting|beating|attacking|kicking|punching|hurting|shaking|raping|assaulting|battering|strangling|choking|smacking|whipping|hit|beaten|attacked|kicked|punched|hurt|shaken|raped|assaulted|battered|abused|sexually assaulted|threatened|held)|(?:i|we) can hear (?:\\w+ ){0,4}(?:screaming|crying|begging|shouting for help)|screaming for help|crying for help|begging (?:him|her|them) to stop|yn brifo|brifo|yn taro|yn curo|yn ymosod",
);
/** Children squabbling with each other is not violence against a child. */
export const MUTUAL = w("each other|one another");
/** Weapons, English and Welsh. */
export const WEAPON = w("knife|knives|blade|machete|gun|guns|firearm|weapon|weapons|armed|axe|hammer|baseball bat|crowbar|cyllell|gwn");
/** A weapon held, carried into the scene or used now (not habitually). */
export const WEAPON_PRESENT = w(
  "has (?:a|got a|the)|have (?:a|got a)|got a|holding|waving|pulled (?:out )?a|with a|brandishing|come back with|came back with|pointing|threatening|gan|mae gan|mae ganddo|outside|at the door|in the house|upstairs",
);
/** A threat to kill or seriously hurt, still live. */
export const THREAT = w(
  "(?:going to|gonna|will|is gonna|wants to|threatening to|threatens to|says (?:he|she|they) (?:will|is going to|is gonna)|said (?:he|she|they) (?:will|would|is going to)) (?:kill|stab|shoot|burn|strangle|murder|set fire)|set (?:the )?(?:house|flat) on fire|kill (?:her|him|them|us|me|the kids|the baby|the children|you)|drive off",
);
/** A threat to hurt: an emergency only when it is for now or tonight. */
export const THREAT_HARM = w(
  "(?:going to|gonna|will|wants to|threatening to|threatens to|says (?:he|she|they) (?:will|is going to|is gonna)|said (?:he|she|they) (?:will|would|is going to)) (?:hurt|beat|attack|batter|get|smash|take)|threatening (?:the|a|my|her|his|them|him|us|me)",
);
/** Suicide or self-harm intent (urgent only with a plan, means or now). */
export const SELF_HARM = w(
  "kill myself|kill himself|kill herself|end my life|end it all|end it|end (?:his|her|their) life|take (?:my|his|her|their) own life|suicid\\w*|want to die|wanna die|hurt myself|hurting myself|harm myself|harming myself|self harm\\w*|cutting myself|cut myself|cut (?:his|her) wrists|cut my wrists",
);
/** A plan, means or time for self-harm that makes it an emergency. */
export const SELF_HARM_NOW = w("tonight|right now|now|today|has a rope|pills|tablets|on the bridge|goodbye|plan|going to|gonna|heno|nawr");
/** A child is missing now (not a habit, not "missing school"). */
export const MISSING = w(
  "is missing|been missing|gone missing|went missing|missing since|missing for|has run away|has ran away|run away with|ran away with|ran off|has not come home|did not come home|not come home|not come back|not been seen|has not been seen|disappeared|cannot find (?:him|her|them|my)|no one knows where|ar goll|wedi diflannu",
);
/** Things that go missing that are not children. */
export const NOT_A_CHILD = w("cat|cats|dog|dogs|puppy|kitten|pet|hamster|rabbit|tortoise|parrot|bike|phone|keys|wallet|purse|parcel|car|laptop");
/** A pattern of going missing, or missing school: a concern, not an emergency by itself. */
export const MISSING_NOT_URGENT = w("missing (?:from )?(?:school|education|lessons|class|appointments)|going missing|goes missing|keeps going missing|missing episodes|missing appointments");
/** What makes a missing child an emergency. */
export const MISSING_RISK = w(
  "anywhere|dark|looked everywhere|tonight|overnight|all night|since|hours|older (?:man|men|boy|boys)|a man|men|meet|meeting|pick (?:her|him) up|picking (?:her|him) up|collect|groom\\w*|online|drugs|county lines|suicidal|phone off|phone is off|heno|dyn|neithiwr|yesterday|last night|only \\d+|\\d+ year old|is \\d+|aged \\d+",
);
/** A baby or toddler alone, where being alone is itself the danger. */
export const YOUNG_CHILD = w("baby|babies|toddler|infant|newborn|[1-4] year old|(?:one|two|three|four) year old|babi|plentyn bach");
/** Left with no adult. */
export const LEFT_ALONE = w("nobody is in|no one is in|nobody in|no one home|nobody home|parents are out|(?:mum|dad|mother|father|parents?) (?:went|has gone|have gone) out|left alone|home alone|left on (?:his|her|their) own|alone (?:in|at) (?:the|a|their|his|her) (?:house|flat|home|car)|left in (?:the|a) car|no adult|nobody (?:is )?there|no one is answering|no one answering");
/** How long, or signs of distress, that make a young child alone an emergency. */
export const ALONE_URGENT = w("hours|days|all night|overnight|now|tonight|crying|screaming|no one is answering|since");

/** The harm is in the past. */
export const PAST = w(
  "last (?:year|week|month|weekend|night|summer|time|term)|years ago|months ago|weeks ago|a while (?:back|ago)|when (?:i|he|she|they) (?:was|were) (?:little|younger|small|a kid)|used to|in the past|previously|back in|historic|historical|had a knife|was arrested|did stuff",
);
/** The writer says there is no emergency. */
export const NEGATION = w(
  "snor\\w*|sleep apnoea|not in (?:immediate )?danger|(?:no one|nobody|no child) (?:is )?(?:in (?:immediate )?danger|at (?:immediate )?risk|hurt)|(?:the child|the children|they|he|she|it) (?:is|are) not (?:in (?:immediate )?danger|at (?:immediate )?risk|hurt)|no one is in danger|nobody is in danger|no one is hurt|nobody is hurt|no (?:immediate )?(?:risk|danger)|not at (?:immediate )?risk|is not in danger|not an emergency|non emergency|not urgent|no injuries|nothing (?:is )?happening now|not happening now|(?:is|are|am|and|now|safe) safe|safe (?:now|right now|at the moment|with me|today|in school|at school|in class)|safe and well|(?:i am|he is|she is|they are|we are) (?:ok|okay|fine|alright) (?:tonight|now|right now|at the moment)|at work now|is out|out at the moment|has gone|have gone|left the house|wouldnt actually|would not actually|havent done anything|have not done anything",
);
/** Not feeling safe is the opposite of a negation. */
export const UNSAFE = w("not safe|unsafe|dont feel safe|do not feel safe|never safe");

/** A question about procedure ("what does …", "when must …", "how long …"). */
export const PROCEDURAL_Q = w(
  "what (?:does|is|are|should (?:the|a|we|schools?|staff|police|social care)|must|happens|would happen|counts|powers|criteria|timescale)|when (?:should|must|is|are|does|do)|who (?:should|must|chairs|attends|takes|leads|is responsible)|how (?:long|quickly|soon|many|are|is|does|do we|should|must)|can (?:police|a|we|the|social)|is it allowed|is a \\w+ needed|do we need|do i need to|explain|define|meaning|mean|difference between",
);
/** A training, drafting or hypothetical frame: the case described is not happening. */
export const FICTION = w(
  "what if|suppose|supposing|imagine|hypothetical\\w*|scenario|tabletop|table top|exercise|training (?:scenario|exercise|session|course|day|materials|case|purposes|video)|for (?:our |a |staff |the )?training|(?:dsl|staff|safeguarding|multi agency|level \\d) training|role play|roleplay|case study|vignette|quiz|(?:a|the|training|safeguarding) course|draft|template|simulation|fictional|for a (?:story|novel|film|play|script)|summari[sz]e|(?:should|do|would|could) (?:i|you|we) do if|if a (?:child|parent|young person|pupil)",
);
/** Procedure vocabulary: the message is about the system, not a child in front of the writer. */
export const PROCEDURAL_TERMS = w(
  "guidance|policy|procedure|procedures|working together|according to|threshold|criteria|statutory|legislation|the law|children act|section \\d+|s47|s17|strategy (?:discussion|meeting)|strat|icpc|child protection conference|conference|core group|lado|mash|nfa|no further action|escalation|escalate|rapid review|practice review|emergency protection order|police protection|immediate protection|epo|nrm|mace|safeguarding partners|my referral|our referral|working days|timescale|dbs|kcsie|operation encompass|care leaver|joint agency response|partnership",
);
/** The writer's own child, sibling or self: danger to them is not a hypothetical case. */
export const OWN_PERSON = w(
  "my (?:little |baby |big |older |younger |best )?(?:son|daughter|child|kid|kids|children|baby|toddler|brother|sister|bro|sis|cousin|nephew|niece|grandson|granddaughter|friend|mate|boy|girl|stepson|stepdaughter|mum|dad)|our (?:son|daughter|child|kids|children|baby|toddler|foster child)",
);
/** Words of a real person in a real situation, as opposed to a generic case. */
export const FIRST_PERSON = w("i|me|my|mine|we|us|our|im|dw i|rwy|fy|next door|across the road|on my road|my street|outside my");

/** An adult giving their age ("im an older sister 22"): not a child, whatever else they say. */
export const ADULT_SELF_AGE = / (?:i am|im) (?:\w+ ){0,4}(?:1[89]|[2-9]\d)(?= )/;
/** A child writing about themselves: their age ("im 14"), school year, or harm done to them. */
export const CHILD_SELF_AGE = / (?:i am|i m|dw i n|dw in|dwi n|dwin|rwy n|rwyn|im) (?:only |just |nearly |almost |turning )?(\d{1,2})(?= )/;
export const CHILD_SELF_YEAR = w("i am in year \\d{1,2}|i am year \\d{1,2}|in year \\d{1,2} at|i am a (?:kid|child|teenager|teen|young person|young carer|girl|boy|student|pupil)|i am a year \\d{1,2}|at my school|my teacher|my class|my mum and dad|my parents|my foster|my social worker");
export const CHILD_SELF_HARM_BY_ADULT = w(
  "(?:mum|mam|dad|stepdad|step dad|stepmum|step mum|parents|uncle|aunt|auntie|brother|sister|cousin|grandad|grandpa|nan|boyfriend|mums boyfriend|dads girlfriend|teacher|coach|carer|foster \\w+|family) (?:\\w+ ){0,5}(?:hits|hit|hurts|hurt|touches|touched|beats|shouts at|screams at|smacks|slaps|kicks|abuses|makes|made|says i am|says im|calls|comes into|did stuff to|does stuff to|will not let|locks|threatens|is making|wants|scares|frightens|ignores|starves|blames|hates) (?:\\w+ ){0,2}(?:me|my)|mae (?:mam|dad|fy nhad|fy mam) (?:\\w+ ){0,3}arna i|fy mrifo|fy nharo|yn fy",
);
export const CHILD_SELF_FEELING = w(
  "i am (?:being )?bullied|being bullied|scared to go home|do not want to go home|dont want to go home|i hate myself|nobody cares about me|no one cares about me|i feel (?:really )?(?:sad|alone|awful|scared|lonely|worthless)|i cannot cope|i cant cope|i (?:get|got|am|keep getting|have been|been) (?:hit|beaten|hurt|kicked|slapped|punched|touched|abused|groomed) by|run away from home|want to run away|not to tell anyone|our secret|keep it (?:a )?secret|send pics of myself|sent pics|sent a (?:video|photo|picture|pic)|nudes|pictures of me|kicked out of home|i have no food|i have to look after|without my parents knowing|i want to die|i might be gay|(?:mum|mam|dad|stepdad|step dad|stepmum|parents|uncle|brother|sister|carer|mums boyfriend) (?:\\w+ ){0,3}(?:says|tells me|calls me|thinks) (?:i am|me|im)|do not want to live at home|beat me up|bully me|bullies me|bullying me|picks on me|scared to go (?:in|to school|home|back)|do not want to go home|not allowed to|i have to|dont know who to tell|do not know who to tell|i am a young carer|hurt myself|hurting myself|harm myself|harming myself|self harming|cutting myself|kill myself|killing myself|my mum and dad|my parents|my teacher|at my school|my stepdad|my step dad|without my parents",
);
/** Cues a child might write, but so might an adult: they count only beside another child cue. */
export const CHILD_WEAK = w("scared|i am scared|my fault|talk to someone|who can i talk to|who can i tell|who do i tell|my dad|my mum|i feel|worthless|lonely|bullied|online|pics");
/** The writer is an adult (a parent, professional or other grown-up). */
export const ADULT_VOICE = w(
  "(?:worried|concerned|worry) about (?:a|the|this|that|my|our|some) (?:\\w+ )?(?:child|kid|boy|girl|young person|pupil|teenager|baby)|my (?:son|sons|daughter|daughters|child|children|kids|kid|baby|toddler|grandson|granddaughter|grandchildren|grandchild|nephew|niece|pupil|pupils|student|students|class|partner|husband|wife|ex|patient|patients|client|caseload|team|staff)|i am a (?:teacher|parent|mum|dad|nurse|gp|doctor|dentist|social worker|youth worker|health visitor|midwife|police|officer|coach|childminder|foster carer|grandparent|neighbour|dsl|designated|school nurse|aunt|uncle)|as a (?:parent|teacher|professional|grandparent)|parent in|our (?:school|nursery|club|team|trust|service)|we (?:suspect|have|are)|my (?:own )?child",
);

/** The writer wants to report or refer a concern. */
export const REPORT_INTENT = w(
  "report|reporting|refer|referral|raise it|raise this|raise a concern|let someone know|tell social services|tell childrens services|social services|childrens services|social care|the council|who (?:do|should|can|must) (?:i|we) (?:contact|tell|call|report|ring|phone|refer|inform|notify)|how do i (?:report|refer|raise|make a referral)|where do i report|next step|rhoi gwybod|gwasanaethau plant|not an emergency|non emergency|want to tell|need to tell|who to tell",
);
/** Signs of harm or neglect that make a concern worth reporting. */
export const HARM_SIGNS = w(
  "bruis\\w*|porn\\w*|knife|knives|weapon|blade|frightened|controlling|older boyfriend|speaks for (?:her|him)|pushed|pregnant|unborn|mum to be|alcohol|inappropriate|indecent|showed (?:her|him) \\w+|marks on|hit|hits|hitting|smack\\w*|slap\\w*|belt|hurt|hurting|injur\\w*|mark|marks|burns?|neglect\\w*|hungry|no food|dirty|filthy|smell\\w*|left alone|home alone|on their own|abuse\\w*|abusive|groom\\w*|drugs|exploit\\w*|county lines|touch\\w*|sexual\\w*|conviction|drunk|violen\\w*|domestic|abscess\\w*|never goes to school|not in school|carry drugs|carrying|older (?:men|man|lads)|new trainers|cash|crying|scared|afraid|ar ben eu hunain|gadael|unsafe|concern|concerned|worried|worry",
);
/** A child or young person is mentioned. */
export const CHILD_REF = w(
  "child|children|kid|kids|baby|toddler|boy|girl|lad|lads|son|daughter|nephew|niece|grandson|granddaughter|grandchildren|pupil|student|teenager|teenage|teen|teens|daughters|sons|\\w+s friend|teenagers|unborn|mum to be|young person|young people|infant|year \\d{1,2}|\\d{1,2} year old|plentyn|plant|blant|mab|merch",
);
/** Someone asking for Childline: its signpost is the answer. */
export const CHILDLINE_ASK = w("childline|child line");
/** Advice-seeking words adults use and children rarely do. */
export const ADULT_ADVICE = w(
  "advice|advise|not sure|unsure|do not know (?:if|whether)|counts as|if (?:that|this|it) counts|serious enough|overreact\\w*|over reacting|bad feeling|uneasy|respite|nspcc|helpline",
);
/** An adult unsure whether to report, or asking for advice or the NSPCC. */
export const ADVICE = w(
  "nspcc|helpline|advice|advise|not sure|unsure|dont know if|do not know if|dont know whether|do not know whether|if (?:that|this|it) counts|does (?:that|this|it) count|counts as|serious enough|overreacting|over reacting|bad feeling|uneasy|without making a (?:formal )?report|anonymous\\w*|confidential\\w*|talk (?:it )?through|chat through|talk to someone|speak to someone|who can (?:i|we) (?:talk|speak|ask|phone|ring|call)|who can advise|where can i get|where do adults go|is (?:it|that|this) (?:normal|abuse|ok|okay)|just to chat|before going to|before (?:i|we) (?:report|go|contact)|my place",
);
