/**
 * Recently made question vectors, by the text they were made from. Practitioners ask
 * the same few questions often; a hit skips the model. Bounded (least recently used
 * goes first): 512 floats each, so 2,000 entries hold about 4 MB.
 */
export class VectorCache {
  private readonly entries = new Map<string, Float32Array>();

  constructor(private readonly capacity = 2000) {}

  get(text: string): Float32Array | undefined {
    const v = this.entries.get(text);
    if (v) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(text);
      this.entries.set(text, v);
    }
    return v;
  }

  set(text: string, vector: Float32Array): void {
    this.entries.delete(text);
    this.entries.set(text, vector);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
