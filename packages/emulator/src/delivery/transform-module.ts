// Node only: loads the `--transform` module for the bin. A path is read relative to the working directory, a package
// name is resolved from there too (not from the emulator's own install), so `--transform @campaign-entry/firehose-
// transform` finds the workspace's or the project's copy.
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../services/errors.js';
import type { FirehoseTransform } from './transform-api.js';

/**
 * Imports `specifier` and returns its `handler` export (or its default export when that is a function).
 * Throws {@link ConfigError} with one line when the module cannot be found or exports no function.
 */
export async function loadTransformModule(specifier: string, cwd = process.cwd()): Promise<FirehoseTransform> {
  const isPath = specifier.startsWith('.') || isAbsolute(specifier);
  let url: string;
  try {
    url = isPath
      ? pathToFileURL(resolve(cwd, specifier)).href
      : pathToFileURL(createRequire(join(cwd, 'noop.js')).resolve(specifier)).href;
  } catch (cause) {
    throw new ConfigError(`--transform: cannot find "${specifier}" from ${cwd}`, { cause });
  }
  let module: { handler?: unknown; default?: unknown };
  try {
    module = await import(url);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new ConfigError(`--transform: cannot load "${specifier}" (${reason})`, { cause });
  }
  const candidate = typeof module.handler === 'function' ? module.handler : module.default;
  if (typeof candidate !== 'function') {
    throw new ConfigError(`--transform: "${specifier}" exports no handler function`);
  }
  return candidate as FirehoseTransform;
}
