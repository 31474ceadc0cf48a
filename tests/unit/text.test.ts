import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/core/excerpt';
import { markdownToPlainText } from '../../src/importer/markdown-text';
import { documentTitle } from '../../src/core/document-title';
import { slugify } from '../../src/core/slug';
import { chapterCountLabel, formatDate, isoDate, readingTimeLabel, wordsLabel } from '../../src/shared/format';
import { stringsFor } from '../../src/shared/i18n';
import { countWords, readingMinutes } from '../../src/shared/text-stats';

const en = stringsFor('en');

describe('countWords', () => {
  it('counts hyphen-joined and apostrophe words as one, as archives do', () => {
    expect(countWords("Such pain-such sadness-! Giry's daughter")).toBe(5);
  });

  it('ignores punctuation-only tokens such as dashes and scene breaks', () => {
    expect(countWords('He paused — then spoke. * * * ...')).toBe(4);
  });

  it('counts each Chinese, Japanese or Korean character as one, as AO3 and those readers do', () => {
    expect(countWords('我喜欢读书。')).toBe(5);
    expect(countWords('「まったく……。」夏目は')).toBe(7);
    expect(countWords('안녕하세요 친구')).toBe(7);
  });

  it('counts mixed text each part its own way', () => {
    expect(countWords('夏目はNyanko Senseiと言った')).toBe(3 + 2 + 4);
  });

  it('counts Thai by its words', () => {
    expect(countWords('ฉันชอบอ่านหนังสือ')).toBe(4);
  });

  it('counts nothing in an empty text', () => {
    expect(countWords('  \n ')).toBe(0);
  });
});

describe('markdownToPlainText', () => {
  it('reads underscores as emphasis only at a word’s edge, as CommonMark does', () => {
    expect(markdownToPlainText('_She_ wrote snake_case_name and __bold__.')).toBe('She wrote snake_case_name and bold.');
  });

  it('removes emphasis, links, headings and escapes but keeps the words', () => {
    expect(markdownToPlainText('# Title\n\n*She* said [hello](https://x.y) \\- to **him**.')).toBe('Title\n\nShe said hello - to him.');
  });

  it('drops scene-break lines', () => {
    expect(markdownToPlainText('One.\n\n* * *\n\nTwo.')).toBe('One.\n\nTwo.');
    expect(markdownToPlainText('One.\n\noOo\n\n**⁂**\n\nTwo.')).toBe('One.\n\nTwo.');
  });

  it('keeps fenced code as the page shows it: its lines as typed, tags, marks and all, without its fences', () => {
    const markdown =
      'She typed:\n\n```html\n<p id="intro">*Hi*</p>\n[home]: https://example.org\n<!-- kept -->\n```\n\nThen ~~saved~~ it.\n\n~~~\nopen to the end <b>\n';
    expect(markdownToPlainText(markdown)).toBe(
      'She typed:\n\n<p id="intro">*Hi*</p>\n[home]: https://example.org\n<!-- kept -->\n\nThen saved it.\n\nopen to the end <b>',
    );
  });

  it('reads a tag that goes on over a line’s end as a tag, as CommonMark does, but not past a blank line', () => {
    expect(markdownToPlainText('<img src="map.png"\nalt="A map" />\n\nShe <b\n\nwent>.')).toBe('She <b\n\nwent>.');
  });

  it('reads a task list as shown: a box, not the letter in it', () => {
    expect(markdownToPlainText('- [x] Buy milk\n- [ ] Find X\n  1. [X] nested')).toBe('Buy milk\nFind X\nnested');
  });

  it('keeps a line that starts with a hyphen and a word', () => {
    expect(markdownToPlainText('-the man.')).toBe('-the man.');
  });

  it('reads a callout as shown: its title, or its kind when it has none, and never its mark', () => {
    expect(markdownToPlainText('> [!note] A letter\n> The lamps.\n\n> [!warning]\n> Careful.\n\n> [!faq]- Spoiler\n> He lives.')).toBe(
      'A letter\nThe lamps.\n\nwarning\nCareful.\n\nSpoiler\nHe lives.',
    );
  });
});

describe('reading time', () => {
  it('rounds to whole minutes, never less than one for any text', () => {
    expect(readingMinutes(0, 'en')).toBe(0);
    expect(readingMinutes(10, 'en')).toBe(1);
    expect(readingMinutes(2300, 'en')).toBe(10);
  });

  it('reads Chinese, Japanese and Korean by character, faster per unit than words', () => {
    expect(readingMinutes(5000, 'ja')).toBe(10);
    expect(readingMinutes(5000, 'zh-TW')).toBe(10);
    expect(readingMinutes(5000, 'es')).toBe(22);
  });

  it('labels long chapters in hours and minutes', () => {
    expect(readingTimeLabel(12, en)).toBe('12 min read');
    expect(readingTimeLabel(75, en)).toBe('1 h 15 min read');
  });
});

describe('labels', () => {
  it('shows the chapter count as n/? while the total is unknown, n/total once known', () => {
    expect(chapterCountLabel(1, undefined, 'en')).toBe('1/?');
    expect(chapterCountLabel(12, 12, 'en')).toBe('12/12');
    expect(chapterCountLabel(1200, 1500, 'en')).toBe('1,200/1,500');
  });

  it('formats word counts and dates for the story language', () => {
    expect(wordsLabel(1, en)).toBe('1 word');
    expect(wordsLabel(12345, en)).toBe('12,345 words');
    expect(formatDate(new Date('2024-01-05'), 'en')).toBe('January 5, 2024');
    // The day it is where the author lives: 03:00 UTC on the 11th is still the 10th in New York.
    expect(formatDate(new Date('2026-12-11T03:00:00Z'), 'en', 'America/New_York')).toBe('December 10, 2026');
    expect(isoDate(new Date('2026-12-11T03:00:00Z'), 'America/New_York')).toBe('2026-12-10');
    expect(isoDate(new Date('2026-12-11T03:00:00Z'))).toBe('2026-12-11');
  });
});

describe('excerpt', () => {
  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = 'word '.repeat(100);
    const cut = excerpt(text, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/word…$/);
  });

  it('keeps short text whole', () => {
    expect(excerpt('Short and sweet.')).toBe('Short and sweet.');
  });
});

describe('slugify', () => {
  it('keeps a file name from a title short enough for any file system, cut at a word', () => {
    const title =
      'The Opera Ghost’s Apprentice, or How a Ballet Girl Learned to Read the Mirrors, Count the Lanterns, Row the Lake and Keep Every Secret'.repeat(
        2,
      );
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('the-opera-ghosts-apprentice-or-how-a-ballet-girl-learned-to-read-the-mirrors');
  });
});

describe('documentTitle', () => {
  const en = stringsFor('en');

  it('is the page’s title and the story’s', () => {
    expect(documentTitle('Prologue', 'Little Meg', en)).toBe('Prologue · Little Meg');
    expect(documentTitle(undefined, 'Little Meg', en)).toBe('Little Meg');
  });

  it('shortens long titles at a word to fit a tab, keeping most of the page’s', () => {
    const title = documentTitle(
      'Chapter 5: A short one—showing, among other matters, how Mr. Pickwick undertook to drive',
      'The Posthumous Papers of the Pickwick Club',
      en,
    );
    expect(title.length).toBeLessThanOrEqual(60);
    expect(title).toBe('Chapter 5: A short one—showing… · The Posthumous…');
  });
});
