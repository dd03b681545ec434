import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { FOOTER, checkRecord, completeDraft, draftFromNotes, renderRecord } from "../../records/index.js";
import { completeRecord } from "./fixtures.js";

const deps = { clock: fixedClock("2025-05-20T09:00:00Z"), calculator: createDeadlineCalculator() };
const HOSTILE =
  'Strat 14/5/25 10am Teams. Present: Jo Smith SW, DC Patel (police) - apologies, HV Lee. Concerns: <script>alert("x")</script> <img src=x onerror=alert(1)> bruising | table break. Agreed: s47. Actions: SW to visit today. Child ref: C-20992';

describe("rendering a draft record", () => {
  it("HTML escapes everything from the notes, so a <script> in the notes cannot run", async () => {
    const html = String(await renderRecord(draftFromNotes(HOSTILE, deps), "html"));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("HTML lists what is missing before the record and ends with the footer", async () => {
    const html = String(await renderRecord(draftFromNotes(HOSTILE, deps), "html"));
    const missing = html.indexOf("What is missing");
    expect(missing).toBeGreaterThan(-1);
    expect(html.indexOf("No police representative took part")).toBeGreaterThan(missing);
    expect(missing).toBeLessThan(html.indexOf("Who took part"));
    expect(html).toContain(FOOTER.replaceAll("'", "&#39;"));
  });

  it("Markdown lists the gaps first, escapes table-breaking characters and gives the ICPC due date", async () => {
    const md = String(await renderRecord(draftFromNotes(HOSTILE, deps), "md"));
    expect(md.indexOf("## What is missing")).toBeLessThan(md.indexOf("## Details"));
    expect(md).toContain("No police representative took part");
    // Each gap names the passage of Working Together 2023 it rests on.
    expect(md).toContain('Strategy discussion > Attendees: "A local authority social worker, health practitioners and a police representative');
    expect(md).toContain("\\| table break");
    // Every "<" from the notes is backslash-escaped, so no renderer sees a tag.
    expect(md).not.toMatch(/(?<!\\)</);
    expect(md).toContain("\\<script>");
    expect(md).toMatch(/ICPC due by Thu 5 Jun 2025/);
    expect(md).toContain("| DC Patel | Detective | Police | Sent apologies (as written: apologies) |");
    expect(md.trim().endsWith(`_${FOOTER.replaceAll("'", "'")}_`)).toBe(true);
  });

  it("a complete record says nothing obvious is missing", async () => {
    const draft = completeDraft(completeRecord(), deps);
    expect(checkRecord(draft.record)).toEqual([]);
    expect(String(await renderRecord(draft, "md"))).toContain("Nothing obvious is missing");
  });

  it("json is the {record, gaps, deadlines} object the CLI prints", async () => {
    const parsed = JSON.parse(String(await renderRecord(draftFromNotes(HOSTILE, deps), "json")));
    expect(parsed.record.child_ref).toBe("C-20992");
    expect(parsed.gaps.map((g: { field: string }) => g.field)).toContain("attendees.police");
    expect(parsed.deadlines[0].due).toBe("2025-06-05");
  });

  it("docx is a Word file whose text holds the child reference, the gaps, the actions and the footer", async () => {
    const buf = await renderRecord(draftFromNotes(HOSTILE, deps), "docx");
    expect(Buffer.isBuffer(buf)).toBe(true);
    expect((buf as Buffer).subarray(0, 2).toString("latin1")).toBe("PK");
    const { value: text } = await mammoth.extractRawText({ buffer: buf as Buffer });
    expect(text).toContain("C-20992");
    expect(text).toContain("What is missing");
    expect(text).toContain("No police representative took part");
    expect(text).toContain("Visit");
    expect(text).toContain("Wednesday 14 May 2025 (today)");
    expect(text).toContain('<script>alert("x")</script>'); // stored as text, not markup
    expect(text).toContain(FOOTER);
  });
});

describe("rendering the corrected record", () => {
  const NOTES =
    "Strat 14/5/25 10am Teams. Child ref: C-20992. Chair: Jo Smith (TM). Present: Jo Smith TM, Amira SW, DC Patel (police). Apologies: HV Ann Lee. Dr Rao (paeds) - report sent. PC Brown - invited, did not attend. Concerns: bruising. Agreed: s47, joint investigation, no legal action. Mum told today. Actions: Amira to visit today; Dr Rao CP medical 15/05.";

  it("every format shows each attendee's status in words and the words the record was read from", async () => {
    const draft = draftFromNotes(NOTES, deps);
    const md = String(await renderRecord(draft, "md"));
    expect(md).toContain("| Ann Lee | Health visitor | Health | Sent apologies |");
    expect(md).toContain("| Dr Rao | Paediatrician | Health | Sent a report, did not attend (as written: report sent) |");
    expect(md).toContain("| PC Brown | Police officer | Police | Invited, did not attend (as written: invited) |");
    expect(md).toContain("## How the notes were read");
    expect(md).toContain('- **Action 2:** "Dr Rao CP medical 15/05"');
    expect(md).toContain("- **Chair:** Jo Smith");
    const html = String(await renderRecord(draft, "html"));
    expect(html).toContain("<td>Sent apologies</td>");
    expect(html).toContain("<h2>How the notes were read</h2>");
    const { value } = await mammoth.extractRawText({ buffer: (await renderRecord(draft, "docx")) as Buffer });
    expect(value).toContain("Sent a report, did not attend");
    expect(value).toContain("How the notes were read");
    expect(value).toContain('"Dr Rao CP medical 15/05"');
  });
});
