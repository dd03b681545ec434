import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { DraftResult } from "./model.js";

/**
 * Keep a draft as JSON in the operator's RECORDS_DIR (Config.records.dir). Only called
 * when that is set, and returns the file's path: otherwise drafts are returned and nothing touches disk. The file
 * name carries no personal data; the file is readable by its owner only.
 */
export async function saveRecord(dir: string, draft: DraftResult): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `strategy-record-${draft.record.date ?? "undated"}-${randomUUID()}.json`);
  await writeFile(file, `${JSON.stringify(draft, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return file;
}
