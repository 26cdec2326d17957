// Whether a path a setting names is a file: a CA file or a k6 binary may be missing, or a folder.
import { accessSync, constants, statSync } from 'node:fs';

/** Whether `path` is a file, and with `executable`, one this process may run. */
export function isFile(path: string, { executable = false } = {}): boolean {
  try {
    if (executable) accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
