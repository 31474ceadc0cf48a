import { chapterCountLabel, formatNumber } from '../shared/format.ts';
import type { Translate } from '../shared/i18n/strings.ts';
import type { Story } from './story.ts';

/** One row of the story's details: a label and a text, a list of tags, or a date. */
export interface DetailRow {
  label: string;
  value: { text: string } | { list: string[] } | { date: Date };
}

/**
 * The story's details as the home page and the EPUB's title page show them: fandom,
 * rating, tags, status, words, chapters, when it began and was last updated (or completed),
 * and the next scheduled chapter.
 */
export function storyDetails(story: Story, t: Translate): DetailRow[] {
  const { meta } = story;
  const rows: (DetailRow | false | undefined)[] = [
    meta.fandom !== undefined && { label: t('details.fandom'), value: { text: meta.fandom } },
    meta.rating !== undefined && { label: t('details.rating'), value: { text: meta.rating } },
    meta.warnings.length > 0 && { label: t('details.warnings'), value: { list: meta.warnings } },
    meta.categories.length > 0 && { label: t('details.categories'), value: { list: meta.categories } },
    meta.characters.length > 0 && { label: t('details.characters'), value: { list: meta.characters } },
    meta.relationships.length > 0 && { label: t('details.relationships'), value: { list: meta.relationships } },
    meta.tags.length > 0 && { label: t('details.tags'), value: { list: meta.tags } },
    { label: t('details.status'), value: { text: t(story.status === 'complete' ? 'details.complete' : 'details.inProgress') } },
    { label: t('details.words'), value: { text: formatNumber(story.words, meta.language) } },
    { label: t('details.chapters'), value: { text: chapterCountLabel(story.chapters.length, story.expectedChapters, meta.language) } },
    story.published && { label: t('details.published'), value: { date: story.published } },
    // As archives show it: the last chapter's date, "Completed" once the story is finished.
    story.updated &&
      story.chapters.length > 1 && {
        label: t(story.status === 'complete' ? 'details.completed' : 'details.updated'),
        value: { date: story.updated },
      },
    story.nextRelease && { label: t('details.nextChapter'), value: { date: story.nextRelease } },
  ];
  return rows.filter((row): row is DetailRow => Boolean(row));
}
