import { describe, expect, it } from 'vitest';
import { giscusLanguage } from '../../src/shared/giscus';
import { en } from '../../src/shared/i18n/en';
import { listSeparator } from '../../src/shared/format';
import { legibleFontCovers } from '../../src/shared/reader-settings';
import { isCjk, messagesFor, stringsFor, textDirection, translationFor, translations } from '../../src/shared/i18n';
import type { Message } from '../../src/shared/i18n';

const forms = (message: Message) =>
  typeof message === 'string' ? [message] : Object.values(message).filter((form): form is string => form !== undefined);
const placeholders = (message: Message) =>
  forms(message).map((form) =>
    [...form.matchAll(/\{(\w+)\}/g)]
      .map((match) => match[1])
      .sort()
      .join(','),
  );

describe('translations', () => {
  const languages = Object.keys(translations);

  it('cover the languages fanfic is written in', () => {
    expect(languages.sort()).toEqual([
      'ar',
      'de',
      'en',
      'es',
      'fa',
      'fr',
      'he',
      'id',
      'it',
      'ja',
      'ko',
      'nl',
      'pl',
      'pt',
      'ru',
      'th',
      'tr',
      'uk',
      'vi',
      'zh-Hans',
      'zh-Hant',
    ]);
  });

  it.each(languages)('%s keeps every placeholder of every string, and adds none', (language) => {
    const messages = translations[language]!;
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const english = new Set(
        placeholders(en[key])
          .flatMap((list) => list.split(','))
          .filter(Boolean),
      );
      for (const form of placeholders(messages[key])) {
        const names = form.split(',').filter(Boolean);
        // A plural form may spell out its number ("one word") and leave {count} out.
        for (const name of english) if (name !== 'count') expect(names, `${language} ${key}`).toContain(name);
        for (const name of names) expect([...english, 'count'], `${language} ${key} has {${name}}`).toContain(name);
      }
    }
  });

  it.each(languages)('%s has every plural form its language uses for counts up to 200', (language) => {
    const rules = new Intl.PluralRules(language);
    const used = new Set(Array.from({ length: 201 }, (_, n) => rules.select(n)));
    for (const [key, message] of Object.entries(translations[language]!)) {
      if (typeof message === 'string') continue;
      for (const category of used) expect(message[category as Intl.LDMLPluralRule], `${language} ${key} ${category}`).toBeTypeOf('string');
    }
  });

  // The translations review (2026-12), where its points are mechanical.
  const forms = (message: Message) =>
    typeof message === 'string' ? [message] : Object.values(message).filter((form): form is string => !!form);
  const allForms = (language: string) =>
    Object.entries(translations[language]!).flatMap(([key, message]) => forms(message).map((form) => [key, form] as const));

  it.each(['fr', 'de', 'pl', 'ru', 'uk', 'es', 'it'])(
    '%s writes its own quotation marks, never a straight " or English “…”',
    (language) => {
      for (const [key, form] of allForms(language)) {
        expect(form, `${language} ${key}`).not.toMatch(/"/);
        if (language !== 'pl' && language !== 'es' && language !== 'it') expect(form, `${language} ${key}`).not.toMatch(/“[^„]*”/);
      }
    },
  );

  it('spaces French punctuation with no-break spaces', () => {
    for (const [key, form] of allForms('fr')) {
      expect(form, key).not.toMatch(/ [?!;:»]|« /);
      expect(form, key).not.toMatch(/[\p{L}\p{N}}][?!;]/u);
    }
  });

  it('puts a noun before a story’s title where Polish, Russian and Ukrainian grammar would decline it', () => {
    for (const [language, noun] of [
      ['pl', 'opowiadania „{story}”'],
      ['ru', 'работы «{story}»'],
      ['uk', 'роботи «{story}»'],
    ] as const) {
      for (const key of ['search.description', 'read.description', 'notFound.contents'] as const) {
        for (const form of forms(translations[language]![key])) expect(form, `${language} ${key}`).toContain(noun);
      }
    }
  });

  it('speaks Brazilian Portuguese throughout, not a mix with European forms', () => {
    for (const [key, form] of allForms('pt'))
      expect(form, key).not.toMatch(/ligação|ficheiro|\bnuma\b|definições|\bRepor\b|\bA guardar\b|«/u);
  });

  it('gives a chapter’s place neutrally in Chinese, as the author’s own chapter labels may count otherwise', () => {
    for (const language of ['zh-Hans', 'zh-Hant']) expect(translations[language]!['chapter.position']).toBe('{number} / {total}');
  });

  it('says no "all 1 chapters" in a language with one plural form', () => {
    for (const language of ['id', 'vi', 'ja', 'ko', 'zh-Hans', 'zh-Hant']) {
      expect(stringsFor(language)('read.description', { count: 1, story: 'S', author: 'A' }), language).not.toMatch(/^(Semua|Cả|全|모든)/);
    }
  });

  it('say a count the language’s way', () => {
    const count = (language: string, n: number) => stringsFor(language)('count.words', { count: n });
    expect([1, 3, 5, 22].map((n) => count('ru', n))).toEqual(['1 слово', '3 слова', '5 слов', '22 слова']);
    const arabic = new Intl.NumberFormat('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => count('ar', n))).toEqual([
      'لا كلمات',
      'كلمة واحدة',
      'كلمتان',
      `${arabic.format(3)} كلمات`,
      `${arabic.format(11)} كلمة`,
      `${arabic.format(100)} كلمة`,
    ]);
    expect(count('ja', 1234)).toBe('1,234文字');
    expect(count('de', 1234)).toBe('1.234 Wörter');
  });
});

describe('choosing a translation', () => {
  it.each([
    ['pt-BR', 'pt'],
    ['PT-pt', 'pt'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans-SG', 'zh-Hans'],
    ['es-419', 'es'],
    ['iw', 'he'],
    ['fa-IR', 'fa'],
    ['fr-CA', 'fr'],
    ['sw', 'en'],
  ])('reads %s in %s', (tag, translation) => {
    expect(translationFor(tag, Object.keys(translations))).toBe(translation);
  });

  it('lets the author’s labels win over the translation', () => {
    const messages = messagesFor('es', { 'note.authors': 'Unas palabras' });
    expect([messages['note.authors'], messages['note.end']]).toEqual(['Unas palabras', 'Notas finales']);
  });
});

describe('writing direction and script', () => {
  it.each([
    ['ar', 'rtl'],
    ['he', 'rtl'],
    ['fa-IR', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    ['az-Arab', 'rtl'],
    ['en', 'ltr'],
    ['ja', 'ltr'],
    ['ku-Latn', 'ltr'],
  ])('writes %s %s', (tag, direction) => {
    expect(textDirection(tag)).toBe(direction);
  });

  it('counts Chinese, Japanese and Korean by character', () => {
    expect(['zh-Hant', 'ja', 'ko-KR', 'es'].map(isCjk)).toEqual([true, true, true, false]);
  });
});

describe('a language not translated', () => {
  it('speaks English with English plurals, and numbers in the story’s language', () => {
    // Lao and Khmer have one plural form ("other"): English words with their rules read "1 matches".
    for (const language of ['lo', 'km', 'ms']) {
      const t = stringsFor(language);
      expect(t('search.matches', { count: 1 }), language).toBe('1 match');
      expect(t('search.matches', { count: 2 }), language).toBe('2 matches');
    }
    expect(stringsFor('hi')('count.words', { count: 1 })).toBe('1 word');
    // A translated language keeps its own rules: Polish has "few".
    expect(stringsFor('pl')('count.words', { count: 3 })).toBe('3 słowa');
  });

  it('points its arrows the way a right-to-left page reads and its keys go (→ back, ← on), unless the author worded them', () => {
    const urdu = stringsFor('ur');
    expect([urdu('chapter.previous'), urdu('chapter.next'), urdu('chapter.keyPrevious'), urdu('chapter.keyNext')]).toEqual([
      '→ Previous',
      'Next ←',
      '→',
      '←',
    ]);
    expect(stringsFor('en')('chapter.previous')).toBe('← Previous');
    expect(stringsFor('ar')('chapter.previous')).toBe('→ السابق');
    expect(stringsFor('ur', { 'chapter.next': 'اگلا ←' })('chapter.next')).toBe('اگلا ←');
  });
});

describe('lists as each language writes them', () => {
  it.each([
    ['en', ', '],
    ['ja', '、'],
    ['zh-Hans', '、'],
    ['zh-Hant', '、'],
    ['ar', '، '],
    ['fa', '، '],
    ['he', ', '],
    ['th', ' '],
    ['ko', ', '],
  ])('%s separates items with %j', (language, separator) => {
    expect(listSeparator(language)).toBe(separator);
  });
});

describe('the Legible font', () => {
  it('is offered where it draws the language’s letters, Latin Extended included', () => {
    for (const language of ['en', 'pl', 'tr', 'cs', 'pt-BR', 'de']) expect(legibleFontCovers(language), language).toBe(true);
    for (const language of ['ru', 'uk', 'el', 'ar', 'he', 'ja', 'zh-Hant', 'ko', 'th', 'vi'])
      expect(legibleFontCovers(language), language).toBe(false);
  });
});

describe('the comments’ language (giscus)', () => {
  it.each([
    ['en-GB', 'en'],
    ['fa', 'fa'],
    ['th', 'th'],
    ['el', 'gr'],
    ['sr-Latn', 'hbs'],
    ['zh-Hans', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-HK'],
    ['pt-BR', 'pt'],
    ['cs', 'cs'],
    ['sw', 'en'],
  ])('asks giscus for %s in %s', (tag, language) => {
    expect(giscusLanguage(tag)).toBe(language);
  });
});
