import { Recent } from "../core/recent.js";

/**
 * Recently made question vectors, by the text they were made from. Practitioners ask
 * the same few questions often; a hit skips the model. Bounded (least recently used
 * goes first): 512 floats each, so 2,000 entries hold about 4 MB.
 */
export class VectorCache extends Recent<Float32Array> {
  constructor(capacity = 2000) {
    super(capacity);
  }
}
