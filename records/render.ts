import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DraftResult } from "./model.js";
import { FOOTER, GAPS_HEADING, TITLE, recordView, type RecordView } from "./view.js";

/** Output formats of a drafted record. */
export type RecordFormat = "md" | "html" | "docx" | "json";

/**
 * Render a draft. md and html return a string, docx a Buffer (a Word file), json the
 * `{record, gaps, deadlines, warnings}` object as text. Every format lists the gaps
 * first under "What is missing" and ends with the footer.
 */
export async function renderRecord(draft: DraftResult, format: RecordFormat): Promise<string | Buffer> {
  switch (format) {
    case "json":
      return `${JSON.stringify(draft, null, 2)}\n`;
    case "md":
      return renderMarkdown(draft);
    case "html":
      return renderHtml(draft);
    case "docx":
      return renderDocx(draft);
  }
}

// Notes are untrusted: every character with a meaning in Markdown (or inline HTML) is escaped.
function md(text: string): string {
  return text
    .replace(/\r?\n/g, " ")
    .replace(/[\\`*_[\]<|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=>]|\d+[.)])/, "$1\\$2");
}

function mdTable(t: { header: string[]; rows: string[][] }): string[] {
  return [`| ${t.header.map(md).join(" | ")} |`, `| ${t.header.map(() => "---").join(" | ")} |`, ...t.rows.map((r) => `| ${r.map(md).join(" | ")} |`)];
}

/** What the record lacks, in the order every format shows it: the gaps, then what else is not recorded. */
export function gapsOrNone(v: RecordView): string[] {
  const also = v.notRecorded.length > 0 ? [`Also not recorded: ${v.notRecorded.join(", ")}.`] : [];
  if (v.gaps.length === 0 && also.length === 0) return ["Nothing obvious is missing. Check the record against your local recording procedures."];
  return [...v.gaps, ...also];
}

const READ_HEADING = "How the notes were read";

/** The draft as Markdown (for Teams and the CLI). */
export function renderMarkdown(draft: DraftResult): string {
  const v = recordView(draft);
  const lines = [`# ${TITLE}`, "", `## ${GAPS_HEADING}`, "", ...gapsOrNone(v).map((g) => `- ${md(g)}`), ""];
  if (v.warnings.length > 0) lines.push("## Check how the notes were read", "", ...v.warnings.map((w) => `- ${md(w)}`), "");
  lines.push("## Details", "", ...v.details.map(([k, val]) => `- **${md(k)}:** ${md(val)}`), "");
  lines.push("## Reason for the discussion", "", md(v.concerns), "");
  lines.push("## Who took part", "", ...(v.attendees.rows.length > 0 ? mdTable(v.attendees) : ["Not recorded"]), "");
  lines.push("## Information shared", "", md(v.information), "");
  lines.push("## Decisions", "", ...v.decisions.map(([k, val]) => `- **${md(k)}:** ${md(val)}`), "");
  lines.push("## Actions: who will do what by when", "", ...(v.actions.rows.length > 0 ? mdTable(v.actions) : ["Not recorded"]), "");
  if (v.deadlines.length > 0) lines.push("## Deadlines", "", ...v.deadlines.map((d) => `- ${md(d)}`), "");
  lines.push("## Next steps", "", md(v.nextSteps), "");
  if (v.sources.length > 0) lines.push(`## ${READ_HEADING}`, "", ...v.sources.map(([k, val]) => `- **${md(k)}:** "${md(val)}"`), "");
  lines.push("---", "", `_${md(FOOTER)}_`, "");
  return lines.join("\n");
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

function htmlList(items: string[]): string {
  return `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
}

function htmlTable(t: { header: string[]; rows: string[][] }): string {
  if (t.rows.length === 0) return "<p>Not recorded</p>";
  const head = `<tr>${t.header.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr>`;
  return `<table><thead>${head}</thead><tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

function htmlPairs(pairs: [string, string][]): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>`;
}

/** The draft as a standalone HTML page. Everything from the notes is escaped. */
export function renderHtml(draft: DraftResult): string {
  const v = recordView(draft);
  const parts = [
    "<!doctype html>",
    '<html lang="en-GB"><head><meta charset="utf-8">',
    `<title>${esc(TITLE)}</title>`,
    "<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;line-height:1.4}table{border-collapse:collapse}td,th{border:1px solid #888;padding:.3rem .5rem;text-align:left}dt{font-weight:bold}.gaps{border-left:4px solid #b00;padding-left:1rem}</style>",
    "</head><body>",
    `<h1>${esc(TITLE)}</h1>`,
    `<section class="gaps"><h2>${esc(GAPS_HEADING)}</h2>${htmlList(gapsOrNone(v))}</section>`,
    v.warnings.length > 0 ? `<h2>Check how the notes were read</h2>${htmlList(v.warnings)}` : "",
    `<h2>Details</h2>${htmlPairs(v.details)}`,
    `<h2>Reason for the discussion</h2><p>${esc(v.concerns)}</p>`,
    `<h2>Who took part</h2>${htmlTable(v.attendees)}`,
    `<h2>Information shared</h2><p>${esc(v.information)}</p>`,
    `<h2>Decisions</h2>${htmlPairs(v.decisions)}`,
    `<h2>Actions: who will do what by when</h2>${htmlTable(v.actions)}`,
    v.deadlines.length > 0 ? `<h2>Deadlines</h2>${htmlList(v.deadlines)}` : "",
    `<h2>Next steps</h2><p>${esc(v.nextSteps)}</p>`,
    v.sources.length > 0 ? `<h2>${esc(READ_HEADING)}</h2>${htmlPairs(v.sources.map(([k, val]) => [k, `"${val}"`]))}` : "",
    `<footer><p><em>${esc(FOOTER)}</em></p></footer>`,
    "</body></html>",
  ];
  return parts.filter(Boolean).join("\n");
}

function docxTable(t: { header: string[]; rows: string[][] }): Table | Paragraph {
  if (t.rows.length === 0) return new Paragraph("Not recorded");
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold })] })] })),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))] });
}

function pairs(items: [string, string][]): Paragraph[] {
  return items.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] }));
}

function bullets(items: string[]): Paragraph[] {
  return items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } }));
}

/** The draft as a Word document (headings, attendee and action tables, gaps first). */
export async function renderDocx(draft: DraftResult): Promise<Buffer> {
  const v = recordView(draft);
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) => new Paragraph({ text, heading });
  const doc = new Document({
    creator: "Safeguarding assistant",
    title: TITLE,
    sections: [
      {
        children: [
          h(TITLE, HeadingLevel.HEADING_1),
          h(GAPS_HEADING),
          ...bullets(gapsOrNone(v)),
          ...(v.warnings.length > 0 ? [h("Check how the notes were read"), ...bullets(v.warnings)] : []),
          h("Details"),
          ...pairs(v.details),
          h("Reason for the discussion"),
          new Paragraph(v.concerns),
          h("Who took part"),
          docxTable(v.attendees),
          h("Information shared"),
          new Paragraph(v.information),
          h("Decisions"),
          ...pairs(v.decisions),
          h("Actions: who will do what by when"),
          docxTable(v.actions),
          ...(v.deadlines.length > 0 ? [h("Deadlines"), ...bullets(v.deadlines)] : []),
          h("Next steps"),
          new Paragraph(v.nextSteps),
          ...(v.sources.length > 0 ? [h(READ_HEADING), ...pairs(v.sources.map(([k, val]) => [k, `"${val}"`] as [string, string]))] : []),
          new Paragraph({ children: [new TextRun({ text: FOOTER, italics: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
