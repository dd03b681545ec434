/**
 * English verb morphology for the risk model's vocabulary. A phrase in the data may
 * name a verb by its lemma in braces ("{touch} me", "{take} loads of tablets"): it is
 * expanded into every form (touch, touches, touching, touched), so the data lists
 * meanings and the code generates the inflections. Which form was written is then read
 * by `tense.ts` to place the danger in time; the vocabulary itself says nothing of when.
 */

/** Irregular verbs: base → [past simple, past participle]. The common ones people use about harm and everyday life. */
const IRREGULAR: Record<string, readonly [string, string]> = {
  be: ["was", "been"], have: ["had", "had"], do: ["did", "done"], go: ["went", "gone"], get: ["got", "got"],
  make: ["made", "made"], take: ["took", "taken"], give: ["gave", "given"], come: ["came", "come"],
  see: ["saw", "seen"], say: ["said", "said"], tell: ["told", "told"], know: ["knew", "known"],
  think: ["thought", "thought"], find: ["found", "found"], leave: ["left", "left"], keep: ["kept", "kept"],
  hold: ["held", "held"], bring: ["brought", "brought"], buy: ["bought", "bought"], send: ["sent", "sent"],
  sell: ["sold", "sold"], put: ["put", "put"], set: ["set", "set"], let: ["let", "let"], cut: ["cut", "cut"],
  hit: ["hit", "hit"], hurt: ["hurt", "hurt"], beat: ["beat", "beaten"], throw: ["threw", "thrown"],
  shake: ["shook", "shaken"], break: ["broke", "broken"], steal: ["stole", "stolen"], bite: ["bit", "bitten"],
  fight: ["fought", "fought"], catch: ["caught", "caught"], fall: ["fell", "fallen"], drink: ["drank", "drunk"],
  eat: ["ate", "eaten"], swim: ["swam", "swum"], sink: ["sank", "sunk"], freeze: ["froze", "frozen"],
  burn: ["burnt", "burnt"], drive: ["drove", "driven"], ride: ["rode", "ridden"], fly: ["flew", "flown"],
  run: ["ran", "run"], lose: ["lost", "lost"], feel: ["felt", "felt"], sleep: ["slept", "slept"],
  wake: ["woke", "woken"], hide: ["hid", "hidden"], sit: ["sat", "sat"], stand: ["stood", "stood"],
  lie: ["lay", "lain"], shoot: ["shot", "shot"], bleed: ["bled", "bled"], hang: ["hung", "hung"],
  stick: ["stuck", "stuck"], swing: ["swung", "swung"], strike: ["struck", "struck"], tear: ["tore", "torn"],
  blow: ["blew", "blown"], choose: ["chose", "chosen"], forget: ["forgot", "forgotten"], mean: ["meant", "meant"],
  meet: ["met", "met"], pay: ["paid", "paid"], lay: ["laid", "laid"], lead: ["led", "led"], feed: ["fed", "fed"],
  shut: ["shut", "shut"], spit: ["spat", "spat"], split: ["split", "split"], spread: ["spread", "spread"],
  slide: ["slid", "slid"], sling: ["slung", "slung"], grind: ["ground", "ground"], wear: ["wore", "worn"],
  win: ["won", "won"], begin: ["began", "begun"], dive: ["dove", "dived"],
  seek: ["sought", "sought"], teach: ["taught", "taught"], show: ["showed", "shown"],
  write: ["wrote", "written"], speak: ["spoke", "spoken"], rise: ["rose", "risen"], kneel: ["knelt", "knelt"],
  undo: ["undid", "undone"], withdraw: ["withdrew", "withdrawn"], smell: ["smelt", "smelt"],
  spill: ["spilt", "spilt"], light: ["lit", "lit"], overhear: ["overheard", "overheard"], understand: ["understood", "understood"], stink: ["stank", "stunk"], sting: ["stung", "stung"],
  slit: ["slit", "slit"], thrust: ["thrust", "thrust"], cling: ["clung", "clung"],
};

/** Verbs whose past is also spelt regularly in British English ("burned", "hanged", "smelled", "spilled"). */
const ALSO_REGULAR = new Set(["burn", "hang", "smell", "spill", "dream", "learn", "kneel", "dive", "light"]);

const VOWEL = /[aeiou]/;

/** Does a one-syllable verb ending consonant-vowel-consonant double its last letter (stab → stabbing)? */
function doubles(base: string): boolean {
  if (!/[^aeiou][aeiou][^aeiouwxy]$/.test(base)) return false;
  // One vowel group only: "stab", "grab", "hit"; not "open", "visit".
  const groups = base.match(/[aeiouy]+/g) ?? [];
  return groups.length === 1 || /^(?:com|re|pre|ad|con|de|un)?(?:mit|fer|pel|cur|trol|gret)$/.test(base);
}

/** The -ing form ("hit" → "hitting", "choke" → "choking", "lie" → "lying"). */
export function ingForm(base: string): string {
  if (base.endsWith("ie")) return `${base.slice(0, -2)}ying`;
  if (/[^aeiou]e$/.test(base) && base !== "be" && !base.endsWith("ee")) return `${base.slice(0, -1)}ing`;
  if (doubles(base)) return `${base}${base.slice(-1)}ing`;
  return `${base}ing`;
}

/** The third person singular ("touch" → "touches", "carry" → "carries"). */
export function sForm(base: string): string {
  if (base === "be") return "is";
  if (base === "have") return "has";
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** The regular past ("rape" → "raped", "stab" → "stabbed", "carry" → "carried"). */
export function edForm(base: string): string {
  if (base.endsWith("e")) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  if (doubles(base)) return `${base}${base.slice(-1)}ed`;
  return `${base}ed`;
}

/** Every form of a verb: base, -s, -ing, past, participle (deduplicated, base first). */
export function verbForms(base: string): string[] {
  const b = base.toLowerCase();
  const irr = IRREGULAR[b];
  const out = [b, sForm(b), ingForm(b)];
  if (irr) out.push(irr[0], irr[1]);
  if (!irr || ALSO_REGULAR.has(b)) out.push(edForm(b));
  return [...new Set(out)];
}

/** The form a verb token is, when it is a form of a known lemma. */
export type VerbForm = "base" | "s" | "ing" | "past" | "participle";

/**
 * Expand a data phrase with `{lemma}` slots into all its phrases ("{hold} me down" →
 * "hold me down", "holds me down", "holding me down", "held me down"). Several slots
 * expand independently. A phrase without braces is returned as it is.
 */
export function expandPhrase(phrase: string): string[] {
  const m = /\{([a-z]+)\}/.exec(phrase);
  if (!m) return [phrase];
  const out: string[] = [];
  for (const form of verbForms(m[1]!)) {
    for (const rest of expandPhrase(phrase.slice(m.index + m[0].length))) out.push(`${phrase.slice(0, m.index)}${form}${rest}`);
  }
  return out;
}

/** Every irregular past and participle, for telling a past form from a base form. */
export const IRREGULAR_PAST: ReadonlyMap<string, VerbForm> = (() => {
  const out = new Map<string, VerbForm>();
  for (const [past, part] of Object.values(IRREGULAR)) {
    out.set(part, "participle");
    out.set(past, "past");
  }
  return out;
})();

/** The base forms of the irregular verbs. */
export const IRREGULAR_BASES: ReadonlySet<string> = new Set(Object.keys(IRREGULAR));

/** True when a word has a vowel (a guard for the suffix rules on short tokens). */
export function hasVowel(w: string): boolean {
  return VOWEL.test(w);
}
