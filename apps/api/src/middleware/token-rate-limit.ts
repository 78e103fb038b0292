/**
 * A per-token request limit: each API token may make `max` requests per `windowMs`
 * (a fixed window, counted in this process's memory). Imports and integrations call in
 * bursts, so the default is generous (1200 a minute); it stops a runaway script or a
 * leaked key from flooding the server while an admin revokes it. better-auth's api-key
 * plugin has its own limiter, but it writes the count to the token's row on every request;
 * this one costs nothing. Several API processes each count their own share.
 */
import { DomainError } from '@treeline/core';

export interface TokenRateLimit {
  max: number;
  windowMs: number;
}

export const DEFAULT_TOKEN_RATE_LIMIT: TokenRateLimit = { max: 1200, windowMs: 60_000 };

/** The windows are forgotten once this many tokens are being counted (old windows first). */
const MAX_TRACKED = 10_000;

export class TokenRateLimiter {
  readonly #windows = new Map<string, { startedAt: number; count: number }>();

  constructor(
    readonly limit: TokenRateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `tokenId`; throws rate_limited past the limit. */
  consume(tokenId: string): void {
    const now = this.now();
    const window = this.#windows.get(tokenId);
    if (!window || now - window.startedAt >= this.limit.windowMs) {
      if (this.#windows.size >= MAX_TRACKED) this.#prune(now);
      this.#windows.set(tokenId, { startedAt: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > this.limit.max) {
      const retryAfterSeconds = Math.ceil((window.startedAt + this.limit.windowMs - now) / 1000);
      throw new DomainError(
        'rate_limited',
        `This API token made more than ${this.limit.max} requests in ${this.limit.windowMs / 1000} s; try again in ${retryAfterSeconds} s, or send more per request (the bulk API takes 100 000 records).`,
        { retryAfterSeconds },
      );
    }
  }

  #prune(now: number): void {
    for (const [id, window] of this.#windows) {
      if (now - window.startedAt >= this.limit.windowMs) this.#windows.delete(id);
    }
    if (this.#windows.size >= MAX_TRACKED) this.#windows.clear();
  }
}
