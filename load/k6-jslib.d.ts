// The pinned jslib module that renders k6's own end-of-test text summary (k6 fetches it at run time).

declare module 'https://jslib.k6.io/k6-summary/0.1.0/index.js' {
  export function textSummary(data: unknown, options?: { indent?: string; enableColors?: boolean }): string;
}
