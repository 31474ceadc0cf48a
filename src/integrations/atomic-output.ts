import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { goneAddresses } from '../core/addresses.ts';
import { siteAddresses } from '../source/site-addresses.ts';
import { problems } from '../core/problems.ts';

/**
 * Builds into a fresh folder beside the output (`dist.partial/`) and puts it in place of the
 * output only once every page, the search index and every other file are written. A failed
 * or interrupted build leaves the last complete site where it was; before the swap, it warns of
 * each chapter address the last site served that the new one lacks (a chapter file renamed
 * without an alias: src/core/addresses.ts). Must be the last
 * integration, so its `astro:build:done` runs after all the others'.
 */
export function atomicOutput(): AstroIntegration {
  let final = '';
  let staging = '';
  return {
    name: 'quire:atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        final = fileURLToPath(config.outDir).replace(/\/+$/, '');
        staging = `${final}.partial`;
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': async ({ logger }) => {
        for (const gone of await goneSince(final, staging)) logger.warn(gone);
        const previous = `${final}.previous`;
        await rm(previous, { recursive: true, force: true });
        if (existsSync(final)) await rename(final, previous);
        await rename(staging, final);
        await rm(previous, { recursive: true, force: true });
        logger.info(`The complete site is in ${final}`);
      },
    },
  };
}

/** What the new site (`staging`) would break of the last one built here (`final`): chapter addresses gone, each said. */
async function goneSince(final: string, staging: string): Promise<string[]> {
  const [before, after] = [await siteAddresses(final), await siteAddresses(staging)];
  if ('unread' in before || 'unread' in after) return [];
  return goneAddresses(before.addresses, after.addresses).map((gone) =>
    problems.AddressGone.message(gone.slug, gone.title, gone.now, 'the last build'),
  );
}
