// Remembers serialised 200 bodies per appointment and Accept-Language, so that repeated lookups cost
// no rendering; everything is dropped when the store changes, and the cache never grows past a bound.

export interface CachedBody {
  /** The serialised body, encoded once. */
  bytes: Buffer;
  /** The Content-Language value: the languages of the resolved values, or undefined when none resolved. */
  contentLanguage: string | undefined;
}

export class RenderCache {
  readonly #entries = new Map<string, CachedBody>();
  #version: number;

  constructor(
    private readonly currentVersion: () => number,
    private readonly maxEntries = 1000,
  ) {
    this.#version = currentVersion();
  }

  lookup(key: string): CachedBody | undefined {
    if (this.#version !== this.currentVersion()) {
      this.#entries.clear();
      this.#version = this.currentVersion();
    }
    return this.#entries.get(key);
  }

  remember(key: string, body: CachedBody): CachedBody {
    if (this.#entries.size >= this.maxEntries) this.#entries.clear();
    this.#entries.set(key, body);
    return body;
  }
}
