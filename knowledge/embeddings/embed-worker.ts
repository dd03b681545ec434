/**
 * A worker thread that embeds texts with the bundled USE model, so a bulk job (the index
 * build) can use every core: the model runs on one core per thread.
 */
import { parentPort } from "node:worker_threads";
import { UseEmbeddings } from "./use-embeddings.js";

interface Job {
  id: number;
  texts: string[];
}

const model = await UseEmbeddings.load();
parentPort!.on("message", (job: Job) => {
  model.embed(job.texts).then(
    (vectors) => {
      const flat = new Float32Array(vectors.length * model.dimensions);
      vectors.forEach((v, i) => flat.set(v, i * model.dimensions));
      parentPort!.postMessage({ id: job.id, flat }, [flat.buffer]);
    },
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
parentPort!.postMessage({ ready: true });
