import type { Translate } from '../shared/i18n/strings.ts';
import { excerpt } from './excerpt.ts';

/** The longest `<title>` worth giving: search results show about 60 characters, tabs fewer. */
export const maxDocumentTitle = 60;

/**
 * A page's `<title>`: the page's own title and the story's (`Chapter 3 · Little Meg`), each
 * shortened at a word when together they would run past `maxDocumentTitle`, the page's
 * title keeping the larger share. The page itself shows both in full.
 */
export function documentTitle(page: string | undefined, story: string, t: Translate): string {
  if (page === undefined) return excerpt(story, maxDocumentTitle);
  const full = t('site.pageTitle', { page, story });
  if (full.length <= maxDocumentTitle) return full;
  const frame = t('site.pageTitle', { page: '', story: '' }).length;
  const room = maxDocumentTitle - frame;
  const storyRoom = Math.max(Math.min(story.length, Math.floor(room / 3)), room - page.length);
  return t('site.pageTitle', { page: excerpt(page, room - storyRoom), story: excerpt(story, storyRoom) });
}
