// An error said in one line, without a stack: an outcome of the target or of the run's settings,
// which Playwright and Node then report as its message alone, not as a fault of the suite.

export function failureWithoutStack(message: string): Error {
  const failure = new Error(message);
  failure.stack = `Error: ${message}`;
  return failure;
}
