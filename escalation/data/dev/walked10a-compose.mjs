// Composes dev/walked10a.jsonl from hand-written cores (round ten, written before any change of the round).
// Per danger kind: a current danger as a practitioner writes it in a note, an old incident of the same kind
// dated in the past, and four past-tense tellings (an event that is over; one whose danger continues now).
// The long pastes cross each kind with five document types (forwarded email, case notes, chronology, referral
// form, meeting minutes): once with the old incident and the current danger as one line among many (999), once
// with the old incident alone and the child safe now (a referral). Run: node escalation/data/dev/walked10a-compose.mjs
import { writeFileSync } from "node:fs";

const K = [
  { kind: "violence_in_progress", c: "Kayden", a: 8, he: "he", his: "his",
    now: "Mum has just rung the office to say her partner is hitting her in the kitchen and Kayden is in the room screaming at him to stop.",
    old: "In June 2022 police attended a domestic incident in which the partner punched mum in front of Kayden.",
    overP: "Kayden told me this morning that his stepdad punched his mum on Friday night. Police came, the stepdad was arrested and is in custody, and Kayden is in class with me now.",
    contP: "Kayden told me at pick-up that his stepdad punched his mum about an hour ago and is still at the house shouting, and his mum has asked Kayden to stay away. He is refusing to go home.",
    overX: ["parent_carer", "My partner punched me in front of my son on Saturday. He was arrested and remanded and we are at my sister's now. Who should I let know?"],
    contX: ["child", "my dad hit my mum like 10 mins ago and hes still here smashing stuff im in my room with my little brother"] },
  { kind: "intruder_break_in", c: "Leah", a: 11, he: "she", his: "her",
    now: "Leah's mum phoned at 21:05 to say the ex-partner is trying to force the back door and Leah and her brother are upstairs.",
    old: "March 2023: the ex-partner broke into the property while the children were asleep; he was convicted and served a sentence.",
    overP: "Leah disclosed that someone broke into their flat on Tuesday night while she was home alone. The police came, the man was caught, and the door has since been replaced. She is in school today.",
    contP: "Leah has messaged her teacher to say a man broke the back window twenty minutes ago and she can still hear him walking about downstairs. She is hiding in the bathroom.",
    overX: ["child", "someone broke in to our house last month when i was in bed. the police got him and hes in prison now but i still get scared"],
    contX: ["parent_carer", "My ex kicked the front door in about 10 minutes ago and he's still in the house, the kids are locked in the bedroom with me"] },
  { kind: "weapon_threat_to_kill", c: "Mason", a: 15, he: "he", his: "his",
    now: "Mason's sister has called to say their father has a knife and is saying he will kill Mason when he gets back tonight.",
    old: "2021: father cautioned for threatening Mason's mother with a kitchen knife; no further incidents recorded since.",
    overP: "Mason said his uncle threatened him with a knife at a family party two years ago. The uncle lives abroad now and has no contact with the family.",
    contP: "Mason told the youth worker that his dad pulled a knife on him earlier today and said he'd kill him if he came home. Dad is at the house now and Mason has nowhere else to stay tonight.",
    overX: ["parent_carer", "My son's older cousin threatened him with a machete last summer. The cousin was sent to prison and has since moved to Scotland. Should I mention it to school?"],
    contX: ["child", "my brothers friend put a blade to my neck at lunch and said hes gonna do me after school. hes waiting outside the gates now"] },
  { kind: "strangulation", c: "Ruby", a: 16, he: "she", his: "her",
    now: "Ruby has texted the school nurse from the toilets: her boyfriend has his hands round her throat in the car park and she can't breathe.",
    old: "Police records show that in 2020 Ruby's father was convicted of strangling her mother; he has had no contact since 2021.",
    overP: "Ruby disclosed that her ex-boyfriend choked her at a party last year. He has since moved away and she has not seen him since; she is in sixth form with us today.",
    contP: "Ruby told me that her boyfriend choked her until she blacked out this morning, and she has a headache, a hoarse voice and red marks on her neck. He is waiting for her at the bus stop.",
    overX: ["parent_carer", "My daughter's ex grabbed her round the neck in the summer. He's been arrested and charged and she's doing well now. Do I need to tell her college?"],
    contX: ["child", "my step dad strangled me a bit ago and now my throats swelling and i can hardly swallow, hes still downstairs"] },
  { kind: "sexual_assault_now", c: "Amira", a: 13, he: "she", his: "her",
    now: "Amira has just phoned from a party to say a man has pulled her into a bedroom and is touching her and won't let her leave.",
    old: "In 2019 Amira disclosed sexual abuse by a family friend; he was convicted in 2020 and is on the sex offenders register.",
    overP: "Amira disclosed that a boy at a sleepover touched her sexually in October. The boy has moved schools, police are aware and she is safe at home with mum.",
    contP: "Amira told me at lunchtime that her mum's boyfriend raped her last night and she has to go home to him tonight. Mum works nights and he will be the only adult there.",
    overX: ["child", "my cousin did stuff to me when i was 9. i havent seen him in years but i cant stop thinking about it"],
    contX: ["parent_carer", "My 12 year old has just told me a man at the park touched her privates half an hour ago and he's still there by the swings watching the kids"] },
  { kind: "abduction_taken", c: "Tyler", a: 6, he: "he", his: "his",
    now: "School has just phoned: a man who is not on Tyler's collection list has bundled him into a van outside the gate and driven off.",
    old: "2022: father took Tyler abroad without consent for three weeks; Tyler was returned under a court order.",
    overP: "Tyler's mum reports that his father took him from the park without her agreement at the weekend. He brought Tyler back on Sunday evening and Tyler is in class today.",
    contP: "Tyler's mum has rung to say his father took him from school at lunchtime, his phone is switched off and he has said she will never see Tyler again. Nobody knows where they are.",
    overX: ["parent_carer", "My ex snatched our son from nursery last year. The police got him back the same day and there's a court order now. Does the new nursery need to know?"],
    contX: ["child", "a man grabbed my little sister off the street a few minutes ago and drove off in a silver car, we dont know where she is"] },
  { kind: "dangerous_place", c: "Oliver", a: 3, he: "he", his: "his",
    now: "A neighbour has rung to say Oliver is on the window ledge of the second-floor flat and nobody is answering the door.",
    old: "August 2023: Oliver, then aged 2, was found alone by the canal; mum was spoken to by police.",
    overP: "Oliver's nursery reports he was found wandering by the main road on his own on Wednesday. A passer-by brought him home and mum was asleep; he is at nursery today.",
    contP: "Oliver's mum said she left him in the car while she went into the shop an hour ago and now the car has gone; she thinks her ex took it and Oliver is still strapped in the back.",
    overX: ["child", "when i was little i fell through the ice on the pond near our house but my dad pulled me out and i was fine"],
    contX: ["parent_carer", "My 4 year old climbed out of the upstairs window onto the porch roof a few minutes ago and he's still out there, I can't reach him"] },
  { kind: "medical_emergency", c: "Jayden", a: 14, he: "he", his: "his",
    now: "Jayden has collapsed in the corridor, he is not responding and his lips are blue.",
    old: "Jayden was admitted to hospital in 2021 after taking ecstasy at a festival and made a full recovery.",
    overP: "Jayden took some pills at a party on Saturday and was taken to A&E. He was discharged on Sunday and is back in school today.",
    contP: "Jayden drank a bottle of vodka at lunch and has since passed out in the changing room; he is breathing but we cannot wake him.",
    overX: ["parent_carer", "My son drank bleach by accident in the spring. He was treated in hospital and has recovered. Do I need to tell his school?"],
    contX: ["child", "my friend took 3 pills at the party earlier and shes been sick and now she wont wake up"] },
  { kind: "self_harm_suicide_imminent", c: "Grace", a: 15, he: "she", his: "her",
    now: "Grace's friend has shown us a message in which Grace says she is on the bridge over the bypass and is going to jump.",
    old: "Grace was admitted to the adolescent unit in 2022 after an overdose and was discharged to CAMHS follow-up.",
    overP: "Grace told me she took an overdose in the summer holidays. She was treated in hospital, has a safety plan and is seeing CAMHS weekly.",
    contP: "Grace told me in registration that she took a whole packet of paracetamol last night and hasn't told anyone. She looks grey and is being sick.",
    overX: ["child", "i tried to kill myself last year and ended up in hospital. im doing better now but i still think about it sometimes"],
    contX: ["parent_carer", "My daughter took a load of her nan's tablets earlier this evening, she's being sick and she won't tell me how many"] },
  { kind: "missing_with_threat", c: "Chloe", a: 14, he: "she", his: "her",
    now: "Chloe has not come home from school, her phone is off, and the man who has been grooming her told her friend he is taking her to Birmingham tonight.",
    old: "2023: Chloe went missing overnight and was found in another town with older males; a return interview was completed.",
    overP: "Chloe went missing on Friday night. She was found on Saturday morning at a friend's house, a return interview has been done and she is in school today.",
    contP: "Chloe ran off with a 25-year-old man on Saturday and has not been seen since. Her phone has been switched off since he sent her a message saying nobody would find her.",
    overX: ["parent_carer", "My daughter went missing for two nights last month with an older man. She's home now and the police took him in. What support is there for her?"],
    contX: ["child", "my best mate went off with some older lads on thursday and she still hasnt come back, one of them said shes not coming home"] },
  { kind: "exploitation_imminent", c: "Reece", a: 15, he: "he", his: "his",
    now: "Reece has told the youth worker that he has been told to take a package to another town tonight and they will hurt his mum if he doesn't go.",
    old: "2022: Reece was found in a trap house in Southend with class A drugs; NRM referral made and he returned home.",
    overP: "Reece was arrested carrying drugs for a county lines gang in January. He has been relocated with his family and is engaging with the exploitation team.",
    contP: "Reece was picked up by a car of older men after school yesterday and sent to a flat in another city. He messaged his sister this morning to say he has to stay there until they let him go.",
    overX: ["parent_carer", "My son was made to sell drugs by a gang last year. The police broke it up and he's at college now. Should his tutor know?"],
    contX: ["child", "i got sent out of town last night to sell for them and theyve taken my phone, they said i cant go home till its all gone"] },
  { kind: "infant_injured_now", c: "baby Ava", a: 0, he: "she", his: "her",
    now: "Dad has just rung: baby Ava has gone floppy after he shook her to stop her crying and she is not responding properly.",
    old: "2021: a sibling had an unexplained fracture at 3 months; a child protection plan ended in 2022.",
    overP: "Mum told the health visitor that baby Ava rolled off the changing table last month. She was checked in A&E, had no injury and was discharged the same day.",
    contP: "Mum has told the health visitor that her partner shook baby Ava hard this morning and since then Ava has been floppy, vomiting and won't feed. The partner is still at home with them.",
    overX: ["child", "my dad shook my baby brother ages ago when he was crying and he went to hospital but hes ok now and my dad doesnt live with us"],
    contX: ["parent_carer", "My partner dropped our 6 week old about half an hour ago and she has a swelling on her head and keeps being sick"] },
];

const names = { from: "Sarah Collins", role: "Designated Safeguarding Lead", school: "Holmfield Primary" };
const filler = [
  "The family are known to early help and have engaged with the family support worker.",
  "School attendance this term is 94%.",
  "The GP has no current concerns recorded.",
  "Housing have confirmed the family's tenancy is secure.",
  "Mum has said she would welcome support with routines.",
  "The health visitor completed a home visit last month and the home conditions were adequate.",
];

function frames(k, withNow) {
  const now = withNow ? k.now : `${k.c} is in school today and is settled.`;
  return [
    ["forwarded email", [
      "---------- Forwarded message ---------", `From: ${names.from} <s.collins@holmfield.sch.uk>`, "Sent: Monday, 10 March 2025 09:14", "To: MASH", `Subject: FW: ${k.c}`, "",
      "Hi both, forwarding below for your records.", "", now, filler[0], filler[1], "",
      "Kind regards,", names.from, names.role, `${names.school} | Tel 01632 960123`, "This email and any attachments are confidential.", "",
      `On 3 Feb 2025, at 16:02, Janet Price wrote:`, `> ${k.old}`, `> ${filler[2]}`, "> Thanks, Janet",
    ]],
    ["case notes", [
      `Case notes: ${k.c} (${k.a ? `${k.a} yrs` : "6 weeks"})`, "",
      `12/01/2025 Home visit. ${filler[5]}`, `19/01/2025 Background check. ${k.old}`, `02/02/2025 Phone call with school. ${filler[1]}`,
      `16/02/2025 Strategy to continue with early help plan. ${filler[4]}`, `10/03/2025 ${now}`,
    ]],
    ["chronology", [
      "Chronology of significant events", "Date | Event | Source | Outcome",
      `14/05/2019 | Birth | Midwife | ${filler[2]}`, `2021 | ${k.old} | Police | NFA`, `09/2023 | Started at ${names.school} | School | ${filler[1]}`,
      `01/2025 | Early help assessment | EH | ${filler[0]}`, `10/03/2025 | ${now} | School | Ongoing`,
    ]],
    ["referral form", [
      "MULTI-AGENCY REFERRAL FORM", `Child's name: ${k.c}`, k.a ? `Age: ${k.a}` : "Age: 6 weeks", `Referrer: ${names.from}, ${names.role}`, `Agency: ${names.school}`,
      `Previous involvement: ${k.old}`, `Reason for referral: ${now}`, "Parents aware of referral: Yes", `Other information: ${filler[3]} ${filler[4]}`,
    ]],
    ["meeting minutes", [
      "Team around the family meeting, minutes", `Present: ${names.from} (DSL), Tom Hale (family support worker), Priya Shah (health visitor)`, "Apologies: GP",
      "1. Introductions and purpose of the meeting.", `2. Background: ${k.old}`, `3. Updates from agencies: ${filler[1]} ${filler[5]}`,
      `4. Current concerns: ${now}`, "5. Actions: family support worker to visit weekly; DSL to update the plan.", "6. Date of next meeting: 7 April 2025.",
    ]],
  ];
}

const out = [];
const push = (id, text, level, kind, speaker, register) => out.push({ id, text, level, danger_kind: kind, speaker, register, source: "hand", split: "heldback" });
for (const k of K) {
  const short = k.kind.split("_")[0];
  for (const withNow of [true, false]) {
    frames(k, withNow).forEach(([doc, lines], i) => {
      push(`w10a-lp-${short}-${i}-${withNow ? "now" : "old"}`, lines.join("\n"), withNow ? "999" : "101_or_childrens_services", k.kind, "professional", "long_paste");
    });
  }
  push(`w10a-pt-${short}-prof-over`, k.overP, "101_or_childrens_services", k.kind, "professional", "past_tense");
  push(`w10a-pt-${short}-prof-cont`, k.contP, "999", k.kind, "professional", "past_tense");
  const [spO, tO] = k.overX;
  push(`w10a-pt-${short}-${spO}-over`, tO, spO === "child" ? "childline" : "101_or_childrens_services", k.kind, spO, "past_tense");
  const [spC, tC] = k.contX;
  push(`w10a-pt-${short}-${spC}-cont`, tC, "999", k.kind, spC, "past_tense");
}
writeFileSync(new URL("./walked10a.jsonl", import.meta.url), out.map((l) => JSON.stringify(l)).join("\n") + "\n");
console.log(`wrote ${out.length} lines`);
