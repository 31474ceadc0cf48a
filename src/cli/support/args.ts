import { parseArgs, type ParseArgsConfig } from 'node:util';
import { languageTag } from '../../core/language-names.ts';
import { readEnv, SettingError, type QuireEnv } from '../../source/env.ts';

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

/**
 * `--language` as the tag story.md takes: a tag as it is (`pt-BR`), one written another way or a
 * language's name (`pt_BR`, `Brazilian Portuguese`, `繁體中文`) as its tag, said; anything else as
 * given, for the story's check to refuse with the others.
 */
export function languageOption(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const tag = languageTag(given);
  if (tag === undefined || tag === given.trim()) return given;
  console.log(`note   took --language ${given} as ${tag}`);
  return tag;
}

/** Prints a usage error and exits 2, as commands do for arguments they cannot use. */
export function usageError(usage: string, message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

/**
 * The build's settings from the environment (`CONTENT_DIR`, `BASE_PATH`, `SITE_URL`,
 * `BUILD_DATE`), as a command reads them: one the author set wrong is said as its message alone,
 * and the command exits 1, without Node's trace of where it was thrown.
 */
export function commandSettings(): QuireEnv {
  try {
    return readEnv();
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    console.error(`error    ${error.message}`);
    process.exit(1);
  }
}
