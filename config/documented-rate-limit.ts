// The API's documented rate limit per client: 3,000 requests a minute and 4 in flight at once. The
// sandbox enforces it and the load guards keep runs under it; Node and k6 both import it.

export const DOCUMENTED_RATE_LIMIT = { perMinute: 3000, concurrent: 4 } as const;
