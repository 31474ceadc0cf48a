import { z } from 'astro/zod';
import { datesMeant, isTimeZone, parseDate } from './dates.ts';
import { leavesTheSite } from './links.ts';
import { slugify, slugProblem } from './slug.ts';
import { closest } from '../shared/suggest.ts';
import { en } from '../shared/i18n/en.ts';
import { quoteStyles, type QuoteStyleName } from './typography.ts';
import { isLanguageTag, languageTag } from './language-names.ts';

/** A character that shows: not a space, nor an invisible one (zero-width space, joiner, soft hyphen, BOM). */
const visible = /[^\s\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0]/u;

/**
 * Why a value is not text: YAML reads a title of digits (1984) as a number and true or false as
 * a yes or no, unless it is in quotes.
 */
export function notText(what: string, input: unknown): string {
  return typeof input === 'number' || typeof input === 'boolean'
    ? `${what} must be text, and YAML read it without quotes as the ${typeof input === 'number' ? 'number' : 'yes or no'} ${String(input)}: put it in quotes as you wrote it ("…")`
    : `${what} must be text`;
}

/** What to write for a yes or no typed as a word (`draft: yes` → true), as YAML 1.1 read them. */
function yesOrNo(input: unknown): string {
  if (typeof input !== 'string') return '';
  const word = input.trim().toLowerCase();
  if (['yes', 'y', 'on', 'true'].includes(word)) return `: write true for ${input.trim()}`;
  if (['no', 'n', 'off', 'false'].includes(word)) return `: write false for ${input.trim()}`;
  return '';
}

/** Text a reader sees: trimmed, and holding at least one visible character. */
function visibleText(what: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${what} is required` : notText(what, issue.input)) })
    .trim()
    .refine((value) => visible.test(value), `${what} must not be empty`);
}

/** Co-authors' names as the archives show a work's creators: "Ada, Wren". */
export const joinedNames = (names: readonly string[]): string => names.join(', ');

/**
 * The author's name, or the names of co-authors as a list (`[Ada, Wren]`): each name, for the
 * ebook, the catalogue and the feed to credit each creator (the story joins them to show).
 */
function authorNames() {
  return z.unknown().transform((value, context): string[] => {
    const names = Array.isArray(value) ? value : [value];
    const message =
      value === undefined
        ? 'author is required'
        : names.length === 1 && (typeof value === 'number' || typeof value === 'boolean')
          ? notText('author', value)
          : names.length === 0 || names.some((name) => typeof name !== 'string')
            ? 'author must be a name, or the co-authors’ names as a list: author: [Ada, Wren]'
            : names.some((name) => !visible.test(name as string))
              ? 'author must not be empty'
              : undefined;
    if (message === undefined) return (names as string[]).map((name) => name.trim());
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/** A calendar date written `YYYY-MM-DD` (optionally with a time); anything else is an error, never a neighbouring day. */
function calendarDate(what: string, ifFalse = `leave ${what} out`) {
  return z.unknown().transform((value, context): Date => {
    const date = typeof value === 'string' ? parseDate(value) : value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
    if (date) return date;
    const given = value === null || value === '' ? 'it is empty' : value === false ? `not false: ${ifFalse}` : meantDate(String(value));
    context.addIssue({ code: 'custom', message: `${what} must be a date such as 2026-01-31 (${given})` });
    return z.NEVER;
  });
}

/** Why a date is none, with the `YYYY-MM-DD` to write when the author wrote one another way ("12/24/2026"). */
function meantDate(written: string): string {
  const meant = datesMeant(written);
  const named = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(parseDate(iso));
  if (meant.length === 1) return `"${written}": write ${meant[0]}, year-month-day`;
  if (meant.length === 2)
    return `"${written}": write ${meant[0]} for ${named(meant[0]!)} or ${meant[1]} for ${named(meant[1]!)}, year-month-day`;
  return `"${written}" is not a date on the calendar`;
}

/**
 * What other tools call a key (Jekyll's `date`, Hugo's `weight`, an archive's `description`),
 * by the key as folded (lower case, no `_`, `-` or spaces): the key it is here, or where it
 * belongs instead.
 */
interface OtherNames {
  /** Names of a key of this object: `date` → `published`. */
  alsoCalled?: Record<string, string>;
  /** Keys that belong elsewhere, with where: `tags` in a chapter → story.md. */
  elsewhere?: Record<string, string>;
}

const folded = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');

/** An object that rejects keys it does not know, suggesting the closest known one, or the one other tools name so. */
function strictObject<T extends z.core.$ZodLooseShape>(shape: T, { alsoCalled = {}, elsewhere = {} }: OtherNames = {}) {
  const known = Object.keys(shape);
  const meant = (key: string) => alsoCalled[folded(key)] ?? closest(key, known);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      // Each mistyped key with its likely meaning; the others together, with the keys there are, once.
      const nearly = issue.keys.flatMap((key) => {
        const near = meant(key);
        const there = elsewhere[folded(key)];
        return near ? [`unknown key "${key}": did you mean ${near}?`] : there ? [`unknown key "${key}": ${there}`] : [];
      });
      const others = issue.keys.filter((key) => !meant(key) && !elsewhere[folded(key)]).map((key) => `"${key}"`);
      const unknown =
        others.length === 0 ? [] : [`unknown key${others.length > 1 ? 's' : ''} ${others.join(', ')}; the keys are ${known.join(', ')}`];
      return [...nearly, ...unknown].join('; ');
    },
  });
}

/** `names` each as another name of `key`, folded: `{ published: ['date', 'pubDate'] }` → `{ date: 'published', pubdate: 'published' }`. */
function namesOf(names: Record<string, readonly string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).flatMap(([key, others]) => others.map((other) => [folded(other), key])));
}

/** A chapter's address (`chapter-3`, `雪の日`): one it can be served at. */
function slugText(what: string) {
  return z.string({ error: `${what} must be text, such as the-mask` }).superRefine((slug, context) => {
    const problem = slugProblem(slug);
    if (!problem) return;
    // "The Mask" → the-mask: an address as the author meant it, when it is one (Obsidian's aliases are names, not addresses).
    const meant = slugify(slug);
    const fix = meant !== slug && meant !== '' && !slugProblem(meant) ? `; write ${meant}` : '';
    context.addIssue({ code: 'custom', message: `${what === 'slug' ? 'slug' : 'alias'} "${slug}" ${problem}${fix}` });
  });
}

/** Lists of tags in `story.md`, and a chapter's content notes: each entry a non-empty string. */
const tagList = (what: string, example: string) =>
  z
    .array(visibleText(`each of ${what}`), {
      error: (issue) =>
        `${what} must be a list${typeof issue.input === 'string' ? `: ${what}: ${flowList(issue.input.split(/\s*[,;]\s*/).filter(Boolean))}` : `, such as ${example}`} (or one per line below ${what}:, each after "- ")`,
    })
    .default([]);

/** Items as a YAML list on one line (`[Fluff, Hurt/Comfort]`), each quoted where YAML needs it. */
function flowList(items: string[]): string {
  return `[${items.map((item) => (/^[\p{L}\p{N}][\p{L}\p{N} /'&.-]*$/u.test(item) ? item : JSON.stringify(item))).join(', ')}]`;
}

/** An http(s) address. */
const webAddress = (what: string) =>
  z.url({ protocol: /^https?$/, message: `${what} must be an http(s) address such as https://archiveofourown.org/works/123` });

/** A whole number from 1 up. */
const countingNumber = (what: string) =>
  z
    .number({ error: `${what} must be a whole number such as 2` })
    .int(`${what} must be a whole number such as 2`)
    .positive(`${what} must be 1 or more`);

/** A file in the content folder, written relative to it: `images/cover.jpg`. Whether it exists is checked with the story. */
const contentPath = (what: string) =>
  visibleText(what).refine(
    (path) => !leavesTheSite(path) && !/^[/\\]/.test(path),
    `${what} must be a path inside the content folder, such as images/cover.jpg`,
  );

/** One form of a plural label. */
const form = (category: string) => visibleText(`a label's "${category}"`);

/** One label: a text, or a text per plural category, `other` required. */
const label = z.union(
  [
    visibleText('a label'),
    strictObject({
      zero: form('zero').optional(),
      one: form('one').optional(),
      two: form('two').optional(),
      few: form('few').optional(),
      many: form('many').optional(),
      other: form('other'),
    }),
  ],
  { error: 'a label must be text, or plural forms such as { one: "{count} word", other: "{count} words" }' },
);

/** The `{placeholders}` of a message, in all its forms. */
function placeholders(message: string | Record<string, string | undefined>): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map(([, name]) => name!)));
}

/**
 * `labels`: the site's strings in the author's words, keys checked against the strings
 * module, and each label's `{placeholders}` against the message it replaces: one left out
 * would drop a count or a link without a word, one the message lacks would show as written.
 */
const labelRecord = z.record(z.string(), label).superRefine((labels, context) => {
  for (const [key, value] of Object.entries(labels)) {
    if (!Object.hasOwn(en, key)) {
      const near = closest(key, Object.keys(en));
      context.addIssue({
        code: 'custom',
        path: [key],
        message: `labels: unknown key "${key}"${near ? `: did you mean ${near}?` : '; the keys are those of src/shared/i18n/en.ts'}`,
      });
      continue;
    }
    const wanted = placeholders(en[key as keyof typeof en]);
    // A plural label's `one` may spell its number out ("one word"); `other` must carry every value.
    const given = placeholders(typeof value === 'string' ? value : value.other);
    const all = placeholders(value);
    const missing = [...wanted].filter((name) => !given.has(name));
    const unknown = [...all].filter((name) => !wanted.has(name));
    if (missing.length > 0 || unknown.length > 0) {
      const list = (names: string[]) => names.map((name) => `{${name}}`).join(', ');
      context.addIssue({
        code: 'custom',
        path: [key],
        message: `labels: "${key}" ${missing.length > 0 ? `must show ${list(missing)}` : ''}${missing.length > 0 && unknown.length > 0 ? ' and ' : ''}${unknown.length > 0 ? `has ${list(unknown)}, which the site does not fill` : ''}; the English is ${JSON.stringify(en[key as keyof typeof en])}`,
      });
    }
  }
});
// `__proto__` would be lost, not refused, once the labels are an object again: it is caught as written.
const labelMap = z
  .unknown()
  .superRefine((raw, context) => {
    if (raw !== null && typeof raw === 'object' && Object.hasOwn(raw, '__proto__')) {
      context.addIssue({
        code: 'custom',
        path: ['__proto__'],
        message: 'labels: unknown key "__proto__"; the keys are those of src/shared/i18n/en.ts',
      });
    }
  })
  .pipe(labelRecord);

/** What an archive's status words mean here: "Completed" is complete, "Ongoing" and "WIP" in progress. */
function statusMeant(input: unknown): string {
  if (typeof input !== 'string' && typeof input !== 'boolean') return '';
  const folded = String(input)
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  const meant = /^(?:completed?|finished|done|ended|true)$/.test(folded)
    ? 'complete'
    : /^(?:ongoing|wip|workinprogress|inprogress|incomplete|unfinished|updating|hiatus|onhiatus|false)$/.test(folded)
      ? 'in-progress'
      : undefined;
  return meant ? ` ("${String(input)}": write status: ${meant})` : '';
}

/** What `story.md`'s keys are called elsewhere (archives, Jekyll, Hugo, FanFicFare), and keys that belong in a chapter. */
const storyOtherNames: OtherNames = {
  alsoCalled: namesOf({
    author: ['authors', 'by', 'writer', 'creator', 'pseud', 'penName'],
    language: ['lang', 'locale'],
    timeZone: ['tz', 'zone'],
    status: ['state', 'completed', 'finished'],
    fandom: ['fandoms'],
    rating: ['rated', 'audience'],
    warnings: ['archiveWarnings'],
    categories: ['category'],
    relationships: ['pairings', 'pairing', 'ships'],
    tags: ['keywords', 'freeform', 'freeforms', 'additionalTags'],
    cover: ['image', 'coverImage', 'coverArt', 'thumbnail'],
    reviewUrl: ['url', 'link', 'source', 'sourceUrl', 'workUrl', 'ao3'],
    followUrl: ['newsletter', 'subscribe', 'mailingList'],
    supportUrl: ['kofi', 'patreon', 'donate', 'tip'],
    notes: ['authorsNote', 'authorNote', 'note', 'foreword'],
    endNotes: ['endNote', 'afterword'],
    expectedChapters: ['totalChapters', 'chapterCount', 'chapters'],
  }),
  elsewhere: {
    summary: 'the summary is the text of story.md after the frontmatter (below the closing ---)',
    description: 'the summary is the text of story.md after the frontmatter (below the closing ---)',
    order: 'order is a key of each chapter file, in chapters/',
    published: 'each chapter file has its own published date, in chapters/',
  },
};

/** What a chapter's keys are called elsewhere (Jekyll's `date`, Hugo's `weight`), and keys that belong in story.md. */
const chapterOtherNames: OtherNames = {
  alsoCalled: namesOf({
    title: ['name', 'chapterTitle'],
    order: ['chapter', 'chapterNumber', 'number', 'num', 'no', 'weight', 'position', 'index', 'sortOrder'],
    summary: ['description', 'excerpt', 'synopsis', 'abstract', 'blurb'],
    contentNotes: ['warnings', 'contentWarnings', 'triggerWarnings', 'cw', 'tw'],
    authorsNote: ['note', 'notes', 'authorNote', 'authorsNotes', 'an', 'beginningNotes', 'startNote', 'headNote'],
    endNote: ['endNotes', 'afterword', 'postscript'],
    published: ['date', 'pubDate', 'publishDate', 'publishedAt', 'publishedOn', 'posted', 'datePublished', 'releaseDate'],
    revised: ['updated', 'lastmod', 'lastModified', 'modified', 'edited', 'updatedAt', 'dateModified'],
    draft: ['unpublished', 'hidden', 'wip'],
    slug: ['permalink'],
    part: ['volume', 'book', 'arc', 'section'],
  }),
  elsewhere: Object.fromEntries(
    ['author', 'language', 'status', 'fandom', 'rating', 'characters', 'relationships', 'tags', 'categories', 'cover', 'series'].map(
      (key) => [key, `${key} is a key of story.md, for the whole story`],
    ),
  ),
};

/** The keys of `content/story.md`, each read alone. */
export const storyFields = strictObject(
  {
    /** The story's title, shown on every page. */
    title: visibleText('title'),
    /** The author's name or pen name; co-authors' as a list. */
    author: authorNames(),
    /** BCP 47 language tag of the text, e.g. `en` or `fr-CA`. */
    language: z
      .string({ error: 'language must be a BCP 47 tag such as en or fr-CA' })
      .trim()
      .refine(isLanguageTag, {
        error: (issue) => {
          const named = typeof issue.input === 'string' ? languageTag(issue.input) : undefined;
          const hint = named
            ? ` ("${String(issue.input)}": write language: ${named})`
            : typeof issue.input === 'string' && /^[a-zA-Z]{2,3}[-_]/.test(issue.input.trim())
              ? ' (the region a two-letter code)'
              : ` ("${String(issue.input)}" is none: write its tag, such as es for Spanish or zh-Hant for traditional Chinese)`;
          return `language must be a BCP 47 tag such as en or fr-CA${hint}`;
        },
      })
      .default('en'),
    /** Whether more chapters are still to come. */
    status: z
      .enum(['in-progress', 'complete'], {
        error: (issue) => `status must be in-progress or complete${statusMeant(issue.input)}`,
      })
      .default('in-progress'),
    /** The fandom the story belongs to. */
    fandom: visibleText('fandom').optional(),
    /** Audience rating, e.g. `Teen And Up Audiences`. */
    rating: visibleText('rating').optional(),
    /** Archive warnings. */
    warnings: tagList('warnings', '[No Archive Warnings Apply]'),
    /** Archive categories, the kind of relationships the story centres on: `F/M`, `Gen`, `Multi`. */
    categories: tagList('categories', '[F/M, Gen]'),
    /** Characters who appear. */
    characters: tagList('characters', '[Meg Giry, Christine Daaé]'),
    /** Relationships, e.g. `Erik/Meg Giry`. */
    relationships: tagList('relationships', '[Erik/Meg Giry]'),
    /** Free-form tags. */
    tags: tagList('tags', '[Fluff, Angst]'),
    /** The story's page on an archive, where readers can leave a review. */
    reviewUrl: webAddress('reviewUrl').optional(),
    /** Where readers sign up for an e-mail when a chapter is out (Buttondown, Substack, Ghost, follow.it): "Follow by email". */
    followUrl: webAddress('followUrl').optional(),
    /** Where readers can support the author (Ko-fi, Patreon): a quiet link on the home page and after the latest chapter. */
    supportUrl: webAddress('supportUrl').optional(),
    /** Comments under every chapter, loaded only when a reader asks. */
    comments: strictObject({
      /** giscus (https://giscus.app): comments kept in a GitHub repository's Discussions; the values giscus.app gives. */
      giscus: strictObject({
        repo: z
          .string({ error: 'comments.giscus.repo must be owner/name, such as wren/lamplight' })
          .regex(/^[\w.-]+\/[\w.-]+$/, 'comments.giscus.repo must be owner/name, such as wren/lamplight'),
        repoId: visibleText('comments.giscus.repoId'),
        category: visibleText('comments.giscus.category'),
        categoryId: visibleText('comments.giscus.categoryId'),
      }),
    }).optional(),
    /** Markdown: the work's beginning notes, shown on the home page under the summary. */
    notes: visibleText('notes').optional(),
    /** Markdown: the work's end notes, shown after the last chapter, at the end of the entire work and of the EPUB. */
    endNotes: visibleText('endNotes').optional(),
    /** The series the story belongs to: "Part 2 of Masks". */
    series: strictObject({
      /** The series' name. */
      title: visibleText('series.title'),
      /** This story's place in it, from 1. */
      part: countingNumber('series.part'),
      /** Where the series is listed, if online. */
      url: webAddress('series.url').optional(),
    }).optional(),
    /** Works this one relates to: what inspired it, what it translates, what it follows. */
    related: z
      .array(
        strictObject({
          title: visibleText('related.title'),
          url: webAddress('related.url'),
          /** How they relate, e.g. `inspired by`, `translation of`, `sequel to`. */
          relation: visibleText('related.relation').optional(),
        }),
      )
      .default([]),
    /** The cover image, a file in the content folder (`images/cover.jpg`): on the home page, in link previews and as the EPUB's cover. */
    cover: contentPath('cover').optional(),
    /** The cover's description for readers who cannot see it; the story's title when not set. */
    coverAlt: visibleText('coverAlt').optional(),
    /** `allow` shows pictures from other sites (`![](https://…)`), which each reader's browser then asks for; by default they are refused. */
    remoteImages: z.enum(['allow', 'refuse'], { error: 'remoteImages must be allow or refuse' }).default('refuse'),
    /**
     * Quotation marks other than the story language's: another language's (`quotes: de` for
     * „…“, `quotes: fr` for « … » with French spacing), or `straight` to keep `"` and `'` as typed.
     */
    quotes: z
      .enum(Object.keys(quoteStyles) as [QuoteStyleName, ...QuoteStyleName[]], {
        error: `quotes must be one of ${Object.keys(quoteStyles).join(', ')} (a language's quotation marks, or straight to keep them as typed)`,
      })
      .optional(),
    /** How many chapters the story will have: "3/12" rather than "3/?". */
    expectedChapters: countingNumber('expectedChapters').optional(),
    /**
     * The author's time zone (`Europe/London`, `America/New_York`): a chapter's `published` or
     * `revised` written without a zone (`2027-01-08 18:00`, `2027-01-08`) is that time there, and
     * dates show as days there. UTC when not given.
     */
    timeZone: z
      .string({ error: 'timeZone must be a time zone such as Europe/London or America/New_York' })
      .trim()
      .refine(isTimeZone, {
        error: (issue) =>
          `timeZone must be a time zone such as Europe/London or America/New_York (the tz database's names; "${String(issue.input)}" is none)`,
      })
      .optional(),
    /**
     * The author's own wording for any of the site's strings, by key (`note.authors: "A word
     * from me"`): a text, or one per plural category (`{ one: …, other: … }`).
     */
    labels: labelMap.default({}),
  },
  storyOtherNames,
);

/**
 * Frontmatter of `content/story.md`; its Markdown body is the story's summary. `author` is the
 * byline as shown ("Ada, Wren"); `authors` each creator, for what credits them one by one.
 */
export const storySchema = storyFields.transform(({ author, ...fields }) => ({ ...fields, author: joinedNames(author), authors: author }));

/** Frontmatter of one chapter file in `content/chapters/`. */
export const chapterSchema = strictObject(
  {
    /** The chapter's display title, e.g. `Prologue` or `Chapter 1: The Mask`. */
    title: visibleText('title'),
    /** Reading order: the prologue is usually 0; decimals allowed (an interlude at 4.5). */
    order: z.number({
      error: (issue) =>
        typeof issue.input === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(issue.input)
          ? `order must be a number, not text: write it without quotes, order: ${issue.input.trim()}`
          : `order ${issue.input === undefined ? 'is required' : 'must be a number'}: 0 for the prologue, 1, 2… (4.5 between 4 and 5)`,
    }),
    /**
     * The part of the story this chapter opens (a book, a volume, an arc), by its name: it heads
     * this chapter and every one after it, to the next chapter that opens a part, in the contents,
     * the entire work and the EPUB's contents.
     */
    part: visibleText('part')
      .refine((value) => !/\n/.test(value), 'part is a name on one line, such as part: "Book Two: The Sea"')
      .optional(),
    /** Markdown: what the chapter is about, under its title (as archives show a chapter summary), in the contents and in previews. */
    summary: visibleText('summary').optional(),
    /** Content warnings for this chapter, shown before the text (a reader may collapse them): `[Major character death]`. */
    contentNotes: tagList('contentNotes', '[Major character death]'),
    /** Markdown shown above the chapter text, headed "Author's note". */
    authorsNote: visibleText('authorsNote').optional(),
    /** Markdown shown after the chapter text. */
    endNote: visibleText('endNote').optional(),
    /** The date the chapter was (or will be) released; a future date holds it back from the build. */
    published: calendarDate('published', 'to hold the chapter back, write draft: true').optional(),
    /** The date the chapter was last changed in a way readers should know (not a typo fix): readers who read it before see "Updated". */
    revised: calendarDate('revised').optional(),
    /** Markdown: what changed, shown near the top of the chapter to readers (with the date in `revised`). */
    revisionNote: visibleText('revisionNote').optional(),
    /** This chapter's own page on an archive (the same chapter on AO3), for "Comment on this chapter"; else the story's reviewUrl. */
    reviewUrl: webAddress('reviewUrl').optional(),
    /** Drafts show in `npm run dev` only, never in `npm run build`. */
    draft: z.boolean({ error: (issue) => `draft must be true or false${yesOrNo(issue.input)}` }).default(false),
    /** Overrides the URL slug, which is otherwise the file name without `.md`. */
    slug: slugText('slug').optional(),
    /**
     * Addresses the chapter had before (its old slugs, from before the file was renamed): each
     * stays a page that sends readers, their bookmarks and other sites' links on to this one.
     */
    aliases: z
      .array(slugText('each alias'), { error: 'aliases must be a list of old slugs, such as [chapter-3]' })
      // A page each: a chapter renamed a few times has a few; thousands would only slow the build.
      .max(50, { error: 'aliases lists at most 50 old addresses' })
      .default([]),
  },
  chapterOtherNames,
);

export type StoryData = z.infer<typeof storySchema>;
export type ChapterData = z.infer<typeof chapterSchema>;

/**
 * A chapter's dates as the story's `timeZone` reads them: `published` and `revised` written
 * without a zone (`2027-01-08 18:00`) are that wall-clock time there, not in UTC. (The schema
 * reads a chapter alone, before the story's zone is known.)
 */
export function inTimeZone(data: ChapterData, frontmatter: Record<string, unknown>, timeZone: string | undefined): ChapterData {
  if (timeZone === undefined) return data;
  const reread = (key: 'published' | 'revised') => {
    const written = frontmatter[key];
    const date = typeof written === 'string' ? parseDate(written, timeZone) : undefined;
    return date ? { [key]: date } : {};
  };
  return { ...data, ...reread('published'), ...reread('revised') };
}

/**
 * Every problem with `data` against `schema`, each as `field: message`; none when it fits.
 * A mistyped key is one problem: `autor: Anna` gives "unknown key "autor": did you mean
 * author?", not also "author is required".
 */
export function schemaProblems(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  const { issues } = result.error;
  const misspelt = (issue: z.core.$ZodIssue) => {
    const key = issue.path.at(-1);
    if (key === undefined || valueAt(data, issue.path) !== undefined) return false;
    const parent = issue.path.slice(0, -1).join('.');
    return issues.some(
      (other) =>
        other.code === 'unrecognized_keys' && other.path.join('.') === parent && other.message.includes(`did you mean ${String(key)}?`),
    );
  };
  return issues
    .filter((issue) => !misspelt(issue))
    .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
}

/** The value at `path` inside parsed YAML, if there is one. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
