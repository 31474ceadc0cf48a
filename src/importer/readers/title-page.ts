import type { Root } from 'hast';
import { visibleText } from '../html.ts';
import type { ImportedStory } from '../model.ts';
import { decodedOnce } from '../xml.ts';
import { languageTag } from '../../core/language-names.ts';
import { splitList } from '../content-notes.ts';

/**
 * The fields of an ebook's title page, written as "Label: value" lines — FanFicFare's
 * `<b>Category:</b> Harry Potter<br/>`, FicHub's and Calibre's alike — read into the
 * story's own fields instead of leaving them all to the book's subjects (which every tool
 * writes as one list of tags). The labels are FanFicFare's: its "Category" is the fandom
 * (as on FanFiction.net), its "AO3 Categories" AO3's F/M, Gen…; "Genre", "Freeform Tags" and
 * "Extra Tags" are tags. Lines with any other label (Words, Packaged, Story ID…) are the
 * tool's, not the story's.
 */

/** What a title page said, by field, and the dates it gives the story. */
export interface TitlePage {
  fields: string[];
  published: string | undefined;
  updated: string | undefined;
}

type ListField = 'fandom' | 'categories' | 'tags' | 'characters' | 'relationships' | 'warnings';

const lists: Record<string, ListField> = {
  category: 'fandom',
  categories: 'fandom',
  fandom: 'fandom',
  fandoms: 'fandom',
  'ao3 categories': 'categories',
  'ao3 category': 'categories',
  genre: 'tags',
  genres: 'tags',
  'freeform tags': 'tags',
  'additional tags': 'tags',
  'extra tags': 'tags',
  characters: 'characters',
  relationships: 'relationships',
  pairings: 'relationships',
  ships: 'relationships',
  warnings: 'warnings',
  'archive warnings': 'warnings',
  tags: 'tags',
};

/** The labels other than the lists' that a title page's lines are read by. */
const fields = new Set(['rating', 'status', 'published', 'updated', 'completed', 'language', 'chapters', 'story url', 'url']);

/** Whether a title page's line of this label ("Rating", "Characters") is read into a field of the story. */
export function readsLabel(label: string): boolean {
  const key = label.trim().toLowerCase();
  return key in lists || fields.has(key);
}

/** Reads a title page's lines into `story`; the story's tags lose what went to other fields. */
export function readTitlePage(page: Root, story: ImportedStory): TitlePage | undefined {
  const lines = visibleText(page)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .flatMap((line) => {
      const match = /^([A-Za-z][A-Za-z0-9 ]{0,29}):\s*(.+)$/.exec(line);
      return match ? [{ label: match[1]!.toLowerCase(), value: decodedOnce(match[2]!.trim()) }] : [];
    });
  const read: Partial<Record<ListField, string[]>> = {};
  const result: TitlePage = { fields: [], published: undefined, updated: undefined };
  const said = (field: string) => {
    if (!result.fields.includes(field)) result.fields.push(field);
  };
  for (const { label, value } of lines) {
    const list = lists[label];
    if (list) {
      (read[list] ??= []).push(...splitList(value));
      said(list);
    } else if (label === 'rating') {
      story.rating = value;
      said('rating');
    } else if (label === 'status') {
      if (/complete/i.test(value)) story.status = 'complete';
      else if (/progress|ongoing|incomplete/i.test(value)) story.status = 'in-progress';
      else continue;
      said('status');
    } else if (label === 'published') {
      result.published = /\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
    } else if (label === 'updated' || label === 'completed') {
      result.updated = /\d{4}-\d{2}-\d{2}/.exec(value)?.[0];
    } else if (label === 'language' && !story.language) {
      story.language = languageTag(value);
    } else if (label === 'chapters') {
      const counted = /^([\d,]+)\s*\/\s*([\d,]+)$/.exec(value);
      if (counted && counted[1] !== counted[2]) story.expectedChapters = Number(counted[2]!.replace(/,/g, ''));
    } else if ((label === 'story url' || label === 'url') && !story.reviewUrl && /^https?:\/\/\S+$/.test(value) && URL.canParse(value)) {
      story.reviewUrl = value;
    }
  }
  if (result.fields.length === 0 && !result.published && !result.updated) return undefined;

  // The subjects hold every field's values at once: those now in a field of their own leave the tags.
  const elsewhere = new Set(
    [
      ...(read.fandom ?? []),
      ...(read.categories ?? []),
      ...(read.characters ?? []),
      ...(read.relationships ?? []),
      ...(read.warnings ?? []),
      story.rating ?? '',
    ].map((value) => value.toLowerCase()),
  );
  const tags = [...story.tags, ...(read.tags ?? [])].filter(
    (tag) => !elsewhere.has(tag.toLowerCase()) && !/^(?:complete|in-progress)$/i.test(tag),
  );
  story.tags = [...new Set(tags)];
  if (read.fandom) story.fandom = [...new Set(read.fandom)].join(', ');
  for (const field of ['categories', 'characters', 'relationships', 'warnings'] as const) {
    if (read[field]) story[field] = [...new Set(read[field])];
  }
  return result;
}
