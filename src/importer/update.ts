import { createHash } from 'node:crypto';
import yaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { frontmatterBlock, splitFrontmatter } from '../source/content-files.ts';
import type { ChapterFile, ImportPlan } from './files.ts';

/**
 * The weekly update: a work downloaded again (from AO3, as an EPUB…) brought into a content
 * folder it was imported into before, without losing what the author changed there. What the
 * last import wrote is kept in the content folder (`imported-from.yaml`, committed with the
 * story): for each chapter its file and a fingerprint of its text as imported, for `story.md` a
 * fingerprint of each field. Against it, each chapter and field is new, changed at the source
 * (taken), changed here (kept), changed on both sides (listed, kept), or unchanged.
 */

/** The record's file name, in the content folder. */
export const recordName = 'imported-from.yaml';

export interface ImportRecord {
  /** The file last imported, as given. */
  source: string;
  format: string;
  /** The work's address (AO3's), or its title: what tells this work from another. */
  work: string;
  /** When, `YYYY-MM-DD`. */
  imported: string;
  /** Fingerprints of story.md's fields as imported. */
  story: Record<string, string>;
  chapters: RecordedChapter[];
}

export interface RecordedChapter {
  /** Its place in the source, from 1. */
  position: number;
  title: string;
  /** The chapter file, relative to the content folder (`chapters/chapter-3.md`). */
  file: string;
  /** A fingerprint of the chapter's text and notes as imported (not its date or order). */
  text: string;
}

/** What the chapter parts of a file are: its title, notes, content notes and text. */
const chapterParts = ['title', 'summary', 'contentNotes', 'authorsNote', 'endNote'] as const;

/** A short fingerprint of a value. */
function fingerprint(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Markdown without the escapes of a colon inside a line (`10\:30`, as imports before this one
 * wrote it): the same text on the page, so no change of the chapter's.
 */
const withoutColonEscapes = <Value>(value: Value): Value =>
  (typeof value === 'string' ? value.replace(/(?<!\\)((?:\\\\)*)\\:/g, '$1:') : value) as Value;

/** The fingerprint of a chapter file's text: its parts and body, not its date, order or other settings. */
export function chapterFingerprint(text: string, name: string): string {
  const { frontmatter, body } = splitFrontmatter(text, name);
  return fingerprint([...chapterParts.map((part) => withoutColonEscapes(normalised(frontmatter[part]))), withoutColonEscapes(body.trim())]);
}

/** Empty values are no values: an empty list and a missing one are the same. */
function normalised(value: unknown): unknown {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  return typeof value === 'string' ? value.trim() : value;
}

/** story.md's fields, with its text (the summary) as `summary`. */
function storyFields(text: string): Record<string, unknown> {
  const { frontmatter, body } = splitFrontmatter(text, 'story.md');
  return { ...frontmatter, summary: body.trim() };
}

/** The record of an import: what was written, fingerprinted. */
export function recordOf(input: {
  source: string;
  format: string;
  work: string;
  plan: ImportPlan;
  today: string;
  /** The source's own values of the fields the author gave in their place (`--title`): what a later update compares with. */
  given?: Record<string, unknown>;
}): ImportRecord {
  return {
    source: input.source,
    format: input.format,
    work: input.work,
    imported: input.today,
    story: input.plan.story === undefined ? {} : fingerprints(sourceFields(input.plan, input.given)),
    chapters: input.plan.chapters.map((chapter, index) => ({
      position: index + 1,
      title: chapter.title,
      file: `chapters/${chapter.slug}.md`,
      text: chapterFingerprint(chapter.text, chapter.slug),
    })),
  };
}

/** story.md's fields as the source gives them: the values given in their place (`--title`) as the source had them, none it left out. */
function sourceFields(plan: Pick<ImportPlan, 'story' | 'storyFilledIn'>, given: Record<string, unknown> = {}): Record<string, unknown> {
  const filledIn = new Set<string>(plan.storyFilledIn);
  return Object.fromEntries(Object.entries({ ...storyFields(plan.story ?? ''), ...given }).filter(([key]) => !filledIn.has(key)));
}

function fingerprints(fields: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => normalised(value) !== null)
      .map(([key, value]) => [key, fingerprint(normalised(value))]),
  );
}

/** The record as a file an author can read. */
export function recordFile(record: ImportRecord): string {
  return `# Written by npm run import: what it imported last, so that "npm run import -- <file> --update"
# can tell your changes from the source's. Commit it with your story; delete it to start afresh.
${yaml.dump(record, { lineWidth: -1, noRefs: true, quotingType: '"' })}`;
}

/** Reads a record; a message naming the file and the fix when it is not one. */
export function parseRecord(text: string, name: string): ImportRecord {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch {
    data = null;
  }
  const record = data as Partial<ImportRecord> | null;
  const valid =
    record !== null &&
    typeof record === 'object' &&
    typeof record.work === 'string' &&
    typeof record.story === 'object' &&
    Array.isArray(record.chapters) &&
    record.chapters.every(
      (chapter) =>
        typeof chapter === 'object' &&
        chapter !== null &&
        typeof chapter.position === 'number' &&
        typeof chapter.file === 'string' &&
        typeof chapter.text === 'string' &&
        typeof chapter.title === 'string',
    );
  if (!valid) throw new Error(`${name} is not a record of an import (was it edited?); delete it and update again, or restore it from git`);
  return record as ImportRecord;
}

export type ChapterOutcome =
  | 'new' // in the source only: written
  | 'updated' // changed at the source only: written
  | 'kept' // changed here only: left as it is
  | 'unchanged'
  | 'conflict' // changed on both sides (or no record to tell): left as it is, listed
  | 'taken' // a conflict the author chose the source's side of: written
  | 'removed here' // deleted here: not brought back
  | 'gone' // no longer in the source: kept
  | 'deleted'; // no longer in the source, and --remove: deleted

export interface ChapterUpdate {
  outcome: ChapterOutcome;
  /** The chapter file, relative to the content folder. */
  file: string;
  title: string;
  /** What to write, for new, updated and taken chapters. */
  text?: string | undefined;
  /** Its reading order, for new chapters. */
  order?: number | undefined;
  words?: number | undefined;
  /** The heading it was read from, where its title reads otherwise (ChapterFile's). */
  heading?: string | undefined;
}

export interface StoryUpdate {
  /** story.md as it will be, or undefined when nothing changes. */
  text: string | undefined;
  /** Fields brought across from the source. */
  changed: string[];
  /** Fields changed here and at the source: kept as they are here. */
  conflicts: string[];
}

export interface UpdatePlan {
  chapters: ChapterUpdate[];
  story: StoryUpdate;
  record: ImportRecord;
}

/** The content folder as it is: each chapter file's text by its path there, and story.md's. */
export interface Current {
  chapters: ReadonlyMap<string, string>;
  story: string | undefined;
}

/**
 * What an update does, decided without touching a file: each chapter of the new download
 * against the record and the folder. `take` names chapters (`chapter-3`) and `story.md` whose
 * conflicts go the source's way; `remove` deletes chapters gone from the source.
 */
export function planUpdate(input: {
  plan: ImportPlan;
  record: ImportRecord | undefined;
  current: Current;
  take: ReadonlySet<string>;
  remove: boolean;
  next: Omit<ImportRecord, 'story' | 'chapters'>;
}): UpdatePlan {
  const { plan, record, current, take } = input;
  const recorded = record?.chapters ?? [];
  const matched = new Set<RecordedChapter>();
  // By title first (a chapter inserted at the source moves the others), then by place.
  const matches = plan.chapters.map((chapter) => {
    const found = recorded.find((entry) => !matched.has(entry) && entry.title === chapter.title);
    if (found) matched.add(found);
    return found;
  });
  plan.chapters.forEach((_, index) => {
    if (matches[index]) return;
    const found = recorded.find((entry) => !matched.has(entry) && entry.position === index + 1);
    if (found) {
      matched.add(found);
      matches[index] = found;
    }
  });

  const chapters: ChapterUpdate[] = [];
  const recordChapters: RecordedChapter[] = [];
  const titles = new Map<string, string>();
  for (const [file, text] of current.chapters) {
    const title = splitFrontmatter(text, file).frontmatter.title;
    if (typeof title === 'string' && !titles.has(title)) titles.set(title, file);
  }
  for (const [index, chapter] of plan.chapters.entries()) {
    const incoming = chapterFingerprint(chapter.text, chapter.slug);
    const entry = matches[index];
    // Without a record, a chapter already here is found by its title or file name.
    const file = entry?.file ?? (record ? undefined : titles.get(chapter.title)) ?? `chapters/${chapter.slug}.md`;
    const here = current.chapters.get(file);
    const taking = take.has(chapter.slug) || take.has(file.replace(/^chapters\//, '').replace(/\.md$/, ''));
    const base = entry?.text;
    const local = here === undefined ? undefined : chapterFingerprint(here, file);
    const recordAs = (text: string) => recordChapters.push({ position: index + 1, title: chapter.title, file, text });
    const write = (outcome: ChapterOutcome, text: string) => {
      chapters.push({ outcome, file, title: chapter.title, text, order: chapter.order, words: chapter.words, heading: chapter.heading });
      recordAs(incoming);
    };
    if (here === undefined) {
      if (entry && !taking) {
        chapters.push({ outcome: 'removed here', file, title: chapter.title });
        recordAs(base!);
      } else write(entry ? 'taken' : 'new', chapter.text);
      continue;
    }
    if (local === incoming) {
      chapters.push({ outcome: 'unchanged', file, title: chapter.title });
      recordAs(incoming);
    } else if (base !== undefined && incoming === base) {
      chapters.push({ outcome: 'kept', file, title: chapter.title });
      recordAs(base);
    } else if (base !== undefined && local === base) {
      write('updated', withLocalSettings(chapter, here, file));
    } else if (taking) {
      write('taken', withLocalSettings(chapter, here, file));
    } else {
      chapters.push({ outcome: 'conflict', file, title: chapter.title });
      // The record keeps the last import's text, so the conflict stays a conflict until resolved.
      if (base !== undefined) recordAs(base);
    }
  }
  for (const entry of recorded) {
    if (matched.has(entry) || !current.chapters.has(entry.file)) continue;
    chapters.push({ outcome: input.remove ? 'deleted' : 'gone', file: entry.file, title: entry.title });
    // Remembered while it stays, so the next update still knows it came from the source.
    if (!input.remove) recordChapters.push(entry);
  }
  const story = updateStory(plan, current.story, record?.story, take.has('story.md'));
  return {
    chapters,
    story: story.update,
    record: { ...input.next, story: story.record, chapters: recordChapters },
  };
}

/**
 * The source's new text for a chapter, with what the author set here that the source does not
 * say kept: its date, order, slug, draft, and any other setting.
 */
function withLocalSettings(chapter: ChapterFile, here: string, file: string): string {
  const incoming = splitFrontmatter(chapter.text, chapter.slug);
  const local = splitFrontmatter(here, file).frontmatter;
  const front = new Map(Object.entries(local));
  for (const part of chapterParts) {
    if (normalised(incoming.frontmatter[part]) === null) front.delete(part);
    else front.set(part, incoming.frontmatter[part]);
  }
  const dumped = yaml.dump(Object.fromEntries(front), { lineWidth: -1, noRefs: true, quotingType: '"' });
  return `---\n${dumped}---\n\n${incoming.body.trim()}\n`;
}

/**
 * story.md, field by field: a field the source changed and the author did not takes the
 * source's value; one the author changed stays; one both changed is listed and stays (unless
 * `take`). The file is edited in place, its comments and order kept.
 */
function updateStory(
  plan: Pick<ImportPlan, 'story' | 'storyFilledIn'>,
  currentText: string | undefined,
  base: Record<string, string> | undefined,
  take: boolean,
): { update: StoryUpdate; record: Record<string, string> } {
  const none = { update: { text: undefined, changed: [], conflicts: [] }, record: base ?? {} };
  if (plan.story === undefined) return none;
  const incoming = sourceFields(plan);
  if (currentText === undefined)
    return { update: { text: plan.story, changed: ['story.md'], conflicts: [] }, record: fingerprints(incoming) };
  const local = storyFields(currentText);
  const record = new Map(Object.entries(base ?? {}));
  // A title or author the source does not give (a Word document's) is the author's alone: never
  // the source's change, nor a conflict with the placeholder story.md was first written with.
  const filledIn = new Set<string>(plan.storyFilledIn);
  for (const field of filledIn) record.delete(field);
  const changed: string[] = [];
  const conflicts: string[] = [];
  const keys = [...new Set([...Object.keys(incoming), ...Object.keys(base ?? {})])].filter((key) => !filledIn.has(key));
  const updates = new Map<string, unknown>();
  for (const key of keys) {
    const value = normalised(incoming[key]);
    const print = fingerprint(value);
    const was = base?.[key] ?? fingerprint(null);
    const mine = fingerprint(normalised(local[key]));
    if (mine === print) {
      if (value === null) record.delete(key);
      else record.set(key, print);
      continue;
    }
    // Without a record, a field the author has not set is the source's to fill.
    const untouched = base ? mine === was : normalised(local[key]) === null;
    if (base && print === was) continue;
    if (untouched || take) {
      updates.set(key, value);
      changed.push(key);
      if (value === null) record.delete(key);
      else record.set(key, print);
    } else {
      conflicts.push(key);
    }
  }
  const recorded = Object.fromEntries(record);
  if (updates.size === 0) return { update: { text: undefined, changed, conflicts }, record: recorded };
  return { update: { text: editedStory(currentText, updates), changed, conflicts }, record: recorded };
}

/** story.md with some fields set (or removed, for null), its comments, layout and other fields as they were. */
function editedStory(text: string, updates: ReadonlyMap<string, unknown>): string {
  const block = frontmatterBlock(text);
  let body = block.body;
  const document = parseDocument(block.yaml ?? '');
  for (const [key, value] of updates) {
    if (key === 'summary') body = `\n${typeof value === 'string' ? value : ''}\n`;
    else if (value === null) document.delete(key);
    else document.set(key, value);
  }
  return `---\n${document.toString({ lineWidth: 0 })}---\n${body}`;
}
