// What k6 (≥ 1.0) provides at run time that @types/k6 does not declare: the WebCrypto global.

declare global {
  const crypto: { randomUUID(): string };
}

export {};
