import { chapterCountLabel, formatNumber } from '../shared/format.ts';
import type { StringKey, Translate } from '../shared/i18n/strings.ts';
import type { Story } from './story.ts';

/** One row of the story's details: a label and a text, a list of tags, or a date; with the language of the site's own words when it is not the page's. */
export interface DetailRow {
  label: string;
  /** The label's language, when not the page's (a story in a language not translated). */
  lang?: string | undefined;
  value: { text: string; lang?: string | undefined } | { list: string[] } | { date: Date };
}

/**
 * The story's details as the home page and the EPUB's title page show them: fandom,
 * rating, tags, status, words, chapters, when it began and was last updated (or completed),
 * and the next scheduled chapter.
 */
export function storyDetails(story: Story, t: Translate): DetailRow[] {
  const { meta } = story;
  const label = (key: StringKey) => ({ label: t(key), lang: t.lang(key) });
  const said = (key: StringKey) => ({ text: t(key), lang: t.lang(key) });
  const rows: (DetailRow | false | undefined)[] = [
    meta.fandom !== undefined && { ...label('details.fandom'), value: { text: meta.fandom } },
    meta.rating !== undefined && { ...label('details.rating'), value: { text: meta.rating } },
    meta.warnings.length > 0 && { ...label('details.warnings'), value: { list: meta.warnings } },
    meta.categories.length > 0 && { ...label('details.categories'), value: { list: meta.categories } },
    meta.characters.length > 0 && { ...label('details.characters'), value: { list: meta.characters } },
    meta.relationships.length > 0 && { ...label('details.relationships'), value: { list: meta.relationships } },
    meta.tags.length > 0 && { ...label('details.tags'), value: { list: meta.tags } },
    { ...label('details.status'), value: said(story.status === 'complete' ? 'details.complete' : 'details.inProgress') },
    { ...label('details.words'), value: { text: formatNumber(story.words, meta.language) } },
    { ...label('details.chapters'), value: { text: chapterCountLabel(story.chapters.length, story.expectedChapters, meta.language) } },
    story.published && { ...label('details.published'), value: { date: story.published } },
    // As archives show it: the last chapter's date, "Completed" once the story is finished.
    story.updated &&
      story.chapters.length > 1 && {
        ...label(story.status === 'complete' ? 'details.completed' : 'details.updated'),
        value: { date: story.updated },
      },
    story.nextRelease && { ...label('details.nextChapter'), value: { date: story.nextRelease } },
  ];
  return rows.filter((row): row is DetailRow => Boolean(row));
}
