import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture story every build and browser test reads. */
export const fixtureStory = fileURLToPath(new URL('../fixtures/story', import.meta.url));
/** A story whose chapters carry hostile raw HTML. */
export const hostileStory = fileURLToPath(new URL('../fixtures/hostile', import.meta.url));
/** Footnotes, colliding ids, links by file name to a chapter with its own slug, "]]>" and a 255-character title. */
export const edgeStory = fileURLToPath(new URL('../fixtures/edge', import.meta.url));
/** Every key an archive work carries: cover, work notes, series, related works, chapter summaries, content notes, pictures, verse. */
export const archiveStory = fileURLToPath(new URL('../fixtures/archive', import.meta.url));
/** Stories in Spanish, Japanese, Chinese and Arabic, each site in its own language. */
export const languageStories = {
  es: fileURLToPath(new URL('../fixtures/lang/es', import.meta.url)),
  ja: fileURLToPath(new URL('../fixtures/lang/ja', import.meta.url)),
  zh: fileURLToPath(new URL('../fixtures/lang/zh', import.meta.url)),
  ar: fileURLToPath(new URL('../fixtures/lang/ar', import.meta.url)),
  he: fileURLToPath(new URL('../fixtures/lang/he', import.meta.url)),
  th: fileURLToPath(new URL('../fixtures/lang/th', import.meta.url)),
};
/** The sample story Quire ships in `content/` (the author's seed prologue), copied: no test reads `content/`, which is the author's. */
export const sampleStory = fileURLToPath(new URL('../fixtures/sample', import.meta.url));
/** The author's seed prologue, as they gave it to us. */
export const seedText = fileURLToPath(new URL('../fixtures/seed/prologue.txt', import.meta.url));

/** The sites the global setup builds once for all test files. */
export const siteBuilds = {
  /** The fixture story at the root of a domain. */
  fixture: { contentDir: fixtureStory },
  /** The fixture story under a sub-path with its address known, as on GitHub Pages. */
  fixtureBase: { contentDir: fixtureStory, basePath: '/quire/', siteUrl: 'https://example.org' },
  /** The sample story (the seed prologue), built late enough that every dated chapter is out. */
  seed: { contentDir: sampleStory, buildDate: '2030-01-01' },
  /** Raw HTML that tries to run script, from a chapter, a note and the summary. */
  hostile: { contentDir: hostileStory },
  /** What broke the output before: footnotes, ids, links, XML-hostile text, a long title. */
  edge: { contentDir: edgeStory, siteUrl: 'https://example.org' },
  /** A story using every key of the format, with its address known (link previews). */
  archive: { contentDir: archiveStory, siteUrl: 'https://example.org' },
  /** A generated serial of 25 short chapters: more search results than one page shows. */
  serial: { generateChapters: 25 },
  /** A story in Spanish. */
  es: { contentDir: languageStories.es, buildDate: '2026-01-01' },
  /** A story in Japanese, one chapter with a Japanese file name. */
  ja: { contentDir: languageStories.ja, buildDate: '2026-01-01' },
  /** A story in simplified Chinese. */
  zh: { contentDir: languageStories.zh, buildDate: '2026-01-01' },
  /** A story in Arabic, written right to left. */
  ar: { contentDir: languageStories.ar, buildDate: '2026-01-01' },
  /** A story in Hebrew, whose words take prefixes (במגדלור: in the lighthouse). */
  he: { contentDir: languageStories.he, buildDate: '2026-01-01' },
  /** A story in Thai, written without spaces between words. */
  th: { contentDir: languageStories.th, buildDate: '2026-01-01' },
} as const;

export type SiteName = keyof typeof siteBuilds;

/** Files the global setup writes beside the sites once they are all built, or one failed (with why). */
export const sitesMarkers = { built: '.built', failed: '.failed' } as const;

/** Where the global setup writes a site. */
export function siteDir(root: string, name: SiteName): string {
  return join(root, name);
}
