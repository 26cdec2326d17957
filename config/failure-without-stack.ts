// An error said in one line, without a stack: an outcome of the target or of the run's settings,
// which Playwright and Node then report as its message alone, not as a fault of the suite.

/** An error without a stack: an outcome of the target or of its settings, said in one line, not a fault of the suite. */
export function failureWithoutStack(message: string): Error {
  const failure = new Error(message);
  failure.stack = `Error: ${message}`;
  return failure;
}
