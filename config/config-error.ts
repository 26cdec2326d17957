// The one kind of error a bad configuration raises: it names the variable and says what is wrong,
// and entry points print it as one line, without a stack trace (config/entry-point.ts). No Node
// imports: the k6 settings raise it too.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}
