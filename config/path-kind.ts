// What a path a setting names is: a CA file or a k6 binary may be missing, or a folder; a folder of
// env files or reports may be a file.
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

/** Whether `path` is a folder. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
