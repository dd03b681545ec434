/**
 * `node dist/scripts/eval-wrap.js [--every N] [--seed S] [--halves build,held] [--show N]`: what wrapping
 * a question in a case story costs. Every Nth formal and shorthand bank question is asked plainly and
 * wrapped in a story of the type its procedure implies (scripts/case-stories.ts), the ways of wrapping
 * (`FORMS`: the ask after the story, at the start, in the middle, leaning on the story for its
 * procedure, under a story in note form, for a colleague, with a second question, beside a story
 * naming another procedure) taken in turn and reported by form, from the build half
 * of the story parts and from the held half, which is reported apart and never looked at while the
 * reading is developed. Each chapter's questions are answered with that chapter's bank questions left
 * out. The out-of-scope bank, each topic left out, is asked plainly and wrapped too, so a wrapping that
 * drags it into coverage shows. `--show N` prints N build-half messages answered plainly and refused
 * or mis-cited wrapped, with how they were read (never the held half).
 */
import { parseConfig } from "../core/config.js";
import { UseEmbeddings } from "../knowledge/embeddings/use-embeddings.js";
import { loadKnowledgeBase } from "../knowledge/index.js";
import { partOf } from "../knowledge/questions/bank.js";
import { FORMS, wrapAllInForms, type Form, type Half } from "./case-stories.js";
import { runTextFold, type BankRow } from "./eval-bank.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const every = Number(flag("--every") ?? 6);
const seed = Number(flag("--seed") ?? 12);
const halves = (flag("--halves") ?? "build,held").split(",") as Half[];
const show = Number(flag("--show") ?? 0);

const config = parseConfig({ INDEX_DIR: process.env["INDEX_DIR"] ?? "data/index" });
const kb = await loadKnowledgeBase({ config, embeddings: await UseEmbeddings.load() });
const index = kb.index;
const partOfItem = (i: number) => partOf(index.chunks[index.bank[i]!.chunk]!) ?? "other";
const picked = index.bank.map((_, i) => i).filter((i) => i % every === 0 && index.bank[i]!.style !== "case");
const wrapped = new Map<Half, { text: string; form: Form }[]>(halves.map((h) => [h, wrapAllInForms(picked.map((i) => index.bank[i]!.question), h, seed)]));

const rows: (BankRow & { variant: string; text: string; form: Form | "plain" })[] = [];
for (const part of [...new Set(picked.map(partOfItem))]) {
  const inPart = picked.flatMap((i, k) => (partOfItem(i) === part ? [[i, k] as const] : []));
  for (const variant of ["plain", ...halves] as const) {
    const items = inPart.map(([i, k]) => ({ item: i, text: variant === "plain" ? index.bank[i]!.question : wrapped.get(variant as Half)![k]!.text, style: index.bank[i]!.style }));
    const forms = inPart.map(([, k]) => (variant === "plain" ? "plain" : wrapped.get(variant as Half)![k]!.form));
    const rs = await runTextFold(kb, items, (x) => partOfItem(x) === part);
    rs.forEach((r, k) => rows.push({ ...r, variant, text: items[k]!.text, form: forms[k]! }));
  }
}

const share = (rs: BankRow[], f: (r: BankRow) => boolean) => (rs.length ? (rs.filter(f).length / rs.length).toFixed(3) : "  -  ");
console.log(`\n== Bank formal and shorthand questions (every ${every}th, ${picked.length}), plain and wrapped in case stories (seed ${seed}); each chapter left out ==`);
console.log(`${"variant / style".padEnd(22)}    n  answered  passage_hit  span_shown`);
for (const variant of ["plain", ...halves]) {
  for (const style of ["formal", "shorthand", "all"]) {
    const rs = rows.filter((r) => r.variant === variant && (style === "all" || r.style === style));
    console.log(`${`${variant} / ${style}`.padEnd(22)} ${String(rs.length).padStart(4)}  ${share(rs, (r) => r.covered).padStart(8)}  ${share(rs, (r) => r.hit).padStart(11)}  ${share(rs, (r) => r.stated).padStart(10)}`);
  }
}
// The gap on the same questions: of those answered and cited right plainly, how many still are wrapped.
for (const half of halves) {
  const plain = rows.filter((r) => r.variant === "plain");
  const wrapped = new Map(rows.filter((r) => r.variant === half).map((r) => [r.id, r]));
  const answered = plain.filter((r) => r.covered);
  const hit = plain.filter((r) => r.hit);
  console.log(
    `${half}: of ${answered.length} answered plainly, refused wrapped ${share(answered, (r) => !wrapped.get(r.id)!.covered)}; of ${hit.length} cited right plainly, cited right wrapped ${share(hit, (r) => wrapped.get(r.id)!.hit)}`,
  );
}

// By form: each wrapped form beside the same questions asked plainly.
console.log(`\n${"half / form".padEnd(22)}    n  answered  passage_hit   (plain: answered  passage_hit)`);
for (const half of halves) {
  const plain = new Map(rows.filter((r) => r.variant === "plain").map((r) => [r.id, r]));
  for (const form of [...FORMS, "all"] as const) {
    const rs = rows.filter((r) => r.variant === half && (form === "all" || r.form === form));
    const ps = rs.map((r) => plain.get(r.id)!);
    console.log(`${`${half} / ${form}`.padEnd(22)} ${String(rs.length).padStart(4)}  ${share(rs, (r) => r.covered).padStart(8)}  ${share(rs, (r) => r.hit).padStart(11)}   (${share(ps, (r) => r.covered).padStart(8)}  ${share(ps, (r) => r.hit).padStart(11)})`);
  }
}

const oos = index.outOfScope;
const oosTexts = new Map<Half, string[]>(halves.map((h) => [h, wrapAllInForms(oos.map((o) => o.question), h, seed + 1).map((w) => w.text)]));
const refused: Record<string, number> = {};
for (let i = 0; i < oos.length; i++) {
  const opts = { excludeOutOfScope: (k: number) => oos[k]!.topic === oos[i]!.topic };
  for (const variant of ["plain", ...halves]) {
    const text = variant === "plain" ? oos[i]!.question : oosTexts.get(variant as Half)![i]!;
    if (!(await kb.analyse(text, opts)).covered) refused[variant] = (refused[variant] ?? 0) + 1;
  }
}
console.log(`out-of-scope bank (${oos.length}, each topic left out) refused: ${["plain", ...halves].map((v) => `${v} ${((refused[v] ?? 0) / oos.length).toFixed(3)}`).join(", ")}`);

if (show > 0 && halves.includes("build")) {
  const plain = new Map(rows.filter((r) => r.variant === "plain").map((r) => [r.id, r]));
  const lost = rows.filter((r) => r.variant === "build" && plain.get(r.id)!.covered && plain.get(r.id)!.hit && (!r.covered || !r.hit));
  console.log(`\n== ${lost.length} build-half messages answered plainly and refused or mis-cited wrapped (first ${show}) ==`);
  for (const r of lost.slice(0, show)) {
    const a = await kb.analyse(r.text, { jurisdiction: "england" });
    console.log(`\n${r.covered ? "MISCITED" : "REFUSED"} ${r.id} [${r.form}]: ${r.text}\n  core: ${a.reading.core}\n  focus: ${kb.focusOf(a.reading) === a.reading.text ? "(whole)" : "(core)"} terms: ${a.reading.terms.join("; ")}`);
    console.log(`  p=${a.probability.toFixed(3)} ${JSON.stringify(Object.fromEntries(Object.entries(a.features).map(([k, v]) => [k, +v.toFixed(2)])))}`);
  }
}
