/**
 * A value built on first use and shared after. Used so that the CLI's `deadline`
 * never loads the embedding model, while the bot loads everything at start-up.
 */
export class Lazy<T> {
  private promise: Promise<T> | undefined;

  constructor(private readonly build: () => Promise<T>) {}

  get(): Promise<T> {
    this.promise ??= this.build().catch((e: unknown) => {
      // A failed build is not cached: an operator may fix the cause (e.g. build the index) and retry.
      this.promise = undefined;
      throw e;
    });
    return this.promise;
  }
}
