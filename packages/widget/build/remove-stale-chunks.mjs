// Content-hashed chunk names change with their content: after writing a bundle, remove the files an earlier build left
// in the output directory, so dist/ holds exactly what the current campaign-entry.js can load.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {RegExp} [pattern] which files in the output directory are build output @default .js and .js.map files
 * @returns {import('rollup').Plugin}
 */
export function removeStaleChunks(pattern = /\.js(?:\.map)?$/u) {
  return {
    name: 'remove-stale-chunks',
    writeBundle({ dir }, bundle) {
      if (!dir) return;
      for (const file of readdirSync(dir, { withFileTypes: true })) {
        if (file.isFile() && pattern.test(file.name) && !(file.name in bundle)) rmSync(join(dir, file.name));
      }
    },
  };
}
