import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * A file read whole into memory every worker thread can read (null when there is none).
 * A thread that starts worker threads reads what each of them would otherwise hold a copy
 * of (the risk model's phrase tries, the index's vectors) once, and hands it to them in
 * `workerData`: a SharedArrayBuffer crosses by reference, not copied.
 */
export function readFileShared(path: string): SharedArrayBuffer | null {
  if (!existsSync(path)) return null;
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    const view = new Uint8Array(shared);
    for (let at = 0; at < size; ) {
      const n = readSync(fd, view, at, size - at, at);
      if (n === 0) return null;
      at += n;
    }
    return shared;
  } finally {
    closeSync(fd);
  }
}
