// Emulates the documented rate limit per client IP (api-facts.ts): at most perMinute requests in any
// 60 s and at most concurrent requests in flight at once. Over either limit the request is refused
// (the sandbox answers 429).
import { DOCUMENTED_RATE_LIMIT } from '../config/api-facts.ts';

export interface RateLimits {
  perMinute: number;
  concurrent: number;
}

interface ClientUsage {
  inFlight: number;
  /** Start times of the requests of the last minute, oldest first. */
  recent: number[];
}

export class RateLimiter {
  readonly #clients = new Map<string, ClientUsage>();

  constructor(
    readonly limits: RateLimits = DOCUMENTED_RATE_LIMIT,
    private readonly now: () => number = Date.now,
  ) {}

  /** A release function when the request may go ahead, undefined when it is over a limit. */
  tryAcquire(client: string): (() => void) | undefined {
    const usage = this.#clients.get(client) ?? { inFlight: 0, recent: [] };
    this.#clients.set(client, usage);
    const windowStart = this.now() - 60_000;
    while (usage.recent.length > 0 && (usage.recent[0] as number) <= windowStart) usage.recent.shift();
    if (usage.inFlight >= this.limits.concurrent || usage.recent.length >= this.limits.perMinute) return undefined;
    usage.inFlight++;
    usage.recent.push(this.now());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      usage.inFlight--;
    };
  }
}
