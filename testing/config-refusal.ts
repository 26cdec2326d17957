// What a setting's refusal says: the message of the ConfigError a read throws, for tests of the
// one line a user would see; any other error is the suite's own fault and is thrown on.
import { ConfigError } from '../config/config-error.ts';

/** The message of the ConfigError `read` throws, or undefined when it throws none. */
export function configRefusal(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return undefined;
}
