/**
 * Probes GET /healthz and GET /readyz in turn, every 100 ms, for a number of seconds from its own process (so the
 * load generator's busy event loop does not count against the server), then prints the
 * latencies as one JSON line. Usage: health-probe <url> <seconds>
 */
const [url, seconds] = [process.argv[2] ?? "", Number(process.argv[3] ?? 10)];
const latencies: number[] = [];
let failures = 0;
let end = performance.now() + seconds * 1000;
// Told to stop (the phase ended early): finish the probe in flight and print.
process.once("SIGTERM", () => (end = 0));
for (let n = 0; performance.now() < end; n++) {
  const t = performance.now();
  try {
    const res = await fetch(`${url}/${n % 2 === 0 ? "healthz" : "readyz"}`, { signal: AbortSignal.timeout(5000) });
    await res.text();
    if (res.status === 200) latencies.push(performance.now() - t);
    else failures++;
  } catch {
    failures++;
  }
  if (performance.now() < end) await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write(JSON.stringify({ latencies, failures }) + "\n");
