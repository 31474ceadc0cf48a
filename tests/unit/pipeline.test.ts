import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRenderer } from '../../src/markdown/render';
import { stringsFor } from '../../src/shared/i18n';

/**
 * The Markdown pipeline, case by case: each folder of tests/fixtures/pipeline/ holds an
 * `input.md` and the `output.html` the pipeline gives for it (a chapter of the site under
 * `/quire/`, with `chapter-2` and `the-mask` to link to and `images/lake.jpg` to show), in
 * English, or in the language a `language` file in the folder names.
 * `UPDATE=1 npm run test:unit` writes the outputs anew; a change to the pipeline then reads
 * as a diff of them. Adding a case is adding a folder.
 */
const root = join(import.meta.dirname, '../fixtures/pipeline');
const rendererFor = (language: string) =>
  createRenderer({
    base: '/quire/',
    chapters: new Map([
      ['chapter-2', 'chapter-2'],
      ['the-mask', 'the-mask'],
    ]),
    t: stringsFor(language),
    image: (src) => (src === 'images/lake.jpg' ? { path: 'images/lake.jpg' } : { problem: `no ${src}` }),
    remoteImages: false,
    language,
  });

describe('the Markdown pipeline', () => {
  for (const name of readdirSync(root).sort()) {
    it(`renders ${name}`, async () => {
      const input = readFileSync(join(root, name, 'input.md'), 'utf8');
      const language = existsSync(join(root, name, 'language')) ? readFileSync(join(root, name, 'language'), 'utf8').trim() : 'en';
      const { html, problems, notices, runTogether } = await rendererFor(language).chapter(input);
      const said = (kind: string, list: typeof problems) =>
        list.map(({ line, message }) => `<!-- ${kind}, line ${line}: ${message} -->\n`).join('');
      const output = `${html}\n${said('problem', problems)}${said('notice', notices)}${runTogether === undefined ? '' : `<!-- paragraphs typed one a line from: ${runTogether} -->\n`}`;
      const file = join(root, name, 'output.html');
      if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, output);
      expect(output).toBe(readFileSync(file, 'utf8'));
    });
  }
});
