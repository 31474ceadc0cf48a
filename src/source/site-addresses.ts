import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addressesFile, readAddresses, type Address } from '../core/addresses.ts';

/**
 * The chapter addresses a site serves, from its `addresses.txt`: the live site's (`https://…`,
 * within 15 s) or a built one's (a folder). A site that cannot be read (a first deploy, no
 * network, a site built before the list existed) gives why, for saying and passing over.
 */
export async function siteAddresses(site: string): Promise<{ addresses: Address[] } | { unread: string }> {
  try {
    if (/^https?:\/\//i.test(site)) {
      const response = await fetch(new URL(addressesFile, site.replace(/\/*$/, '/')), { signal: AbortSignal.timeout(15_000) });
      if (!response.ok) return { unread: `HTTP ${response.status}` };
      return { addresses: readAddresses(await response.text()) };
    }
    return { addresses: readAddresses(readFileSync(join(site, addressesFile), 'utf8')) };
  } catch (error) {
    // fetch's own error says only "fetch failed"; its cause says what (ENOTFOUND, ECONNREFUSED).
    const { cause } = error as { cause?: { code?: string; message?: string } };
    return { unread: cause?.code ?? cause?.message ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
}
