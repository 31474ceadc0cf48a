import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { atomicOutput } from './src/integrations/atomic-output';
import { contentImages } from './src/integrations/content-images';
import { preview } from './src/integrations/preview';
import { headers } from './src/integrations/headers';
import { lazyScripts } from './src/integrations/lazy-scripts';
import { scriptStubs } from './src/integrations/script-stubs';
import { offline } from './src/integrations/offline';
import { pagefind } from './src/integrations/pagefind';
import { siteAddress } from './src/integrations/site-address';
import { strings } from './src/integrations/strings';
import { chapterAliases, storyBasics } from './src/source/content-files.ts';
import { readEnv } from './src/source/env.ts';
import { codeVersion } from './src/source/code-version.ts';
import { offlineFiles } from './src/shared/offline.ts';

const env = readEnv();
const story = storyBasics(env.contentDir);
const notInSitemap = [offlineFiles.page.replace(/\/$/, ''), ...chapterAliases(env.contentDir).map(encodeURIComponent)];

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  ...(env.siteUrl ? { site: env.siteUrl } : {}),
  base: env.basePath,
  trailingSlash: 'always',
  // Scoped styles by class: fewer bytes on every element than the default data attributes.
  scopedStyleStrategy: 'class',
  // Tests and benchmarks build several stories side by side.
  ...(env.outDir ? { outDir: env.outDir, cacheDir: env.cacheDir } : {}),
  // Every stylesheet a file: cached across chapters, and no style hashes in each page's CSP.
  // Two pages at a time: while one waits on its file being written, the other renders (the
  // search index takes them in the order they started: src/integrations/pagefind.ts).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  vite: {
    plugins: [lazyScripts(), scriptStubs()],
    // The code that writes the EPUB's documents (src/build/book.ts keeps them between builds by it).
    define: { __QUIRE_EPUB_CODE__: JSON.stringify(codeVersion(['epub', 'build', 'markdown', 'core', 'shared']) ?? '') },
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // A chapter page's parts (the layout, its components, their styles and scripts) in one
              // stylesheet and one script, not one file per part that other pages also use.
              {
                name: 'chapter',
                test: /src\/(?:layouts\/ChapterLayout|components\/(?:Chapter\w*|ContentNotes|Listen|ReaderSettings|ReviewLink|ResumePrompt|SearchForm))\.astro/,
              },
            ],
          },
        },
      },
    },
  },
  // The story's Markdown is rendered by Quire's own loaders (src/build/loaders.ts), through
  // the pipeline in src/markdown/render.ts; Astro renders no Markdown pages itself.
  markdown: { syntaxHighlight: false },
  // An SVG cover becomes a JPEG for link previews. Every SVG in the story was checked to only
  // draw before the build starts (src/source/content-files.ts, pictureProblems).
  image: { dangerouslyProcessSVG: true },
  // The sitemap needs the site's address (SITE_URL, or the host's); without one there is none to give.
  integrations: [
    preview(),
    siteAddress(env),
    strings(env.contentDir),
    contentImages(env.contentDir),
    // The offline page is for the service worker to show, not for search engines; nor are the pages at chapters' old addresses.
    ...(env.siteUrl ? [sitemap({ filter: (page) => !notInSitemap.some((path) => page.endsWith(`/${path}/`)) })] : []),
    headers(),
    pagefind(),
    // After the search index: the files a reader can keep offline include it.
    offline(),
    // Last: only a build whose every other step succeeded replaces the site in the output folder.
    atomicOutput(),
  ],
  // A strict Content-Security-Policy as a <meta> on every page: Astro hashes the inline
  // scripts and styles it emits. The search page adds 'wasm-unsafe-eval' for Pagefind.
  // frame-ancestors only works as a header: see src/integrations/headers.ts.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // Pictures from other sites only where the author allows them (remoteImages: allow in story.md).
        `img-src 'self' data:${story.remoteImages ? ' https:' : ''}`,
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  devToolbar: { enabled: false },
});
