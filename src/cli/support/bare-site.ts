import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from './astro-build.ts';

/**
 * A bare Astro site over the same chapters, for the benchmark's comparison: Astro's own
 * Markdown processor (native, the default) through a `glob` content collection, one page per
 * chapter and a contents page, then the Pagefind CLI over the output. What any Astro site
 * with search costs for the same text: the floor Quire's figures are divided by.
 */
export function writeBareSite(dir: string, contentDir: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-site', private: true, type: 'module' }));
  writeFileSync(join(dir, 'astro.config.mjs'), `export default { build: { format: 'directory' }, devToolbar: { enabled: false } };\n`);
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { chapters: defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(resolve(contentDir, 'chapters'))} }) }) };
`,
  );
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('chapters')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{String(entry.data.title)}</title></head>
<body><main><h1>{String(entry.data.title)}</h1><Content /></main></body></html>
`,
  );
  writeFileSync(
    join(dir, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
const chapters = await getCollection('chapters');
---
<html lang="en"><head><meta charset="utf-8" /><title>Contents</title></head>
<body><ol>{chapters.map((entry) => <li><a href={\`/\${entry.id}/\`}>{String(entry.data.title)}</a></li>)}</ol></body></html>
`,
  );
}
