import { createRenderer } from '../../src/markdown/render';
import { stringsFor } from '../../src/shared/i18n';

/** The site's Markdown pipeline for an English story at the root, with no other chapters to link to and no pictures. */
export const plainRenderer = createRenderer({
  base: '/',
  chapters: new Map(),
  t: stringsFor('en'),
  image: () => ({ problem: 'no pictures here' }),
  remoteImages: false,
});
