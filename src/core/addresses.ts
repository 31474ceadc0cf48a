/**
 * The addresses a site gives its chapters (`/chapter-3/`, and each old one an alias keeps), as
 * the build writes them to `addresses.txt`, and what a new build would break of an earlier
 * one's: a chapter page readers bookmarked and other sites link to, gone because its file was
 * renamed or deleted. Read by the build (against the last one on this computer) and by
 * `npm run verify -- --since <site>` (against the live site).
 */

/** The file a site lists its chapter addresses in. */
export const addressesFile = 'addresses.txt';

/** One address: the chapter's slug and the title it had there. */
export interface Address {
  slug: string;
  title: string;
}

/** `addresses.txt`: a line per address, its slug and title separated by a tab; aliases titled as the chapter they lead to. */
export function writeAddresses(chapters: readonly { slug: string; title: string; aliases: readonly string[] }[]): string {
  const line = (slug: string, title: string) => `${slug}\t${title.replace(/[\t\r\n]+/g, ' ')}\n`;
  return chapters.map((chapter) => [chapter.slug, ...chapter.aliases].map((slug) => line(slug, chapter.title)).join('')).join('');
}

/** Reads `addresses.txt`; lines it cannot read are left out. */
export function readAddresses(text: string): Address[] {
  return text
    .split(/\r?\n/)
    .map((line) => /^([^\t]+)\t(.*)$/.exec(line))
    .flatMap((match) => (match ? [{ slug: match[1]!, title: match[2]! }] : []));
}

/** An address an earlier site had that this one lacks, and the address of the chapter with its title now, if one has it. */
export interface GoneAddress extends Address {
  now: string | undefined;
}

/** What `current` lacks of `previous`: each address gone, with where a chapter of the same title is now (likely renamed). */
export function goneAddresses(previous: readonly Address[], current: readonly Address[]): GoneAddress[] {
  const kept = new Set(current.map((address) => address.slug));
  const byTitle = new Map<string, string>();
  for (const address of current) if (!byTitle.has(address.title)) byTitle.set(address.title, address.slug);
  return previous.filter((address) => !kept.has(address.slug)).map((address) => ({ ...address, now: byTitle.get(address.title) }));
}
