import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Parses a command's arguments, with `--help`/`-h` added: prints the usage and exits 0 on
 * `--help`, prints what is wrong and the usage and exits 2 on arguments it does not know.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs({ ...config, options: { ...config.options, help: { type: 'boolean', short: 'h' } } } as T);
  } catch (error) {
    return usageError(usage, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}

/** Prints a usage error and exits 2, as commands do for arguments they cannot use. */
export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
