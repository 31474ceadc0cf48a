import { describe, expect, it } from 'vitest';
import { findHits, parseQuery } from '../../src/shared/highlight';
import { suggestQuery, vocabulary } from '../../src/shared/suggest';
import { hasPrefixOf, prefixedForms } from '../../src/shared/prefixes';
import { hitHref, paragraphHits, type PagefindResultData } from '../../src/shared/search-results';
import { accentVariants, fold, withAccents, withLetterForms } from '../../src/shared/search-terms';

const result: PagefindResultData = {
  url: '/chapter-2/',
  // "Chapter Two." is the title (words 0-1); p-1 starts at 2, p-2 at 7.
  content: 'Chapter Two. The ghost sang &amp; wept. Later the ghost was gone, the lake still.',
  meta: { title: 'Chapter Two' },
  locations: [4, 9, 0],
  anchors: [
    { element: 'div', id: 'chapter-text', location: 2 },
    { element: 'p', id: 'p-1', location: 2 },
    { element: 'p', id: 'p-2', location: 7 },
  ],
};

describe('paragraphHits', () => {
  it('groups matches by the paragraph that holds them, ignoring matches in the title', () => {
    const hits = paragraphHits(result, 'ghost sang');
    expect(hits.map((hit) => [hit.id, hit.matches])).toEqual([
      ['p-1', 1],
      ['p-2', 1],
    ]);
  });

  it('keeps each excerpt inside its paragraph and marks the matching words', () => {
    const [first, second] = paragraphHits(result, 'ghost sang');
    expect(first?.excerpt).toEqual([
      { text: 'The ghost ', hit: false },
      { text: 'sang', hit: true },
      { text: ' & wept.', hit: false },
    ]);
    expect(second?.excerpt.map((w) => w.text).join('')).toBe('Later the ghost was gone, the lake still.');
    expect(second?.excerpt.find((w) => w.hit)?.text).toBe('ghost');
    expect([first?.before, first?.after]).toEqual([false, false]);
  });

  it('cuts a long paragraph around the match and says so', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const [hit] = paragraphHits(
      { ...result, content: words.join(' '), locations: [60], anchors: [{ element: 'p', id: 'p-1', location: 0 }] },
      'w60',
    );
    expect(
      hit?.excerpt
        .map((w) => w.text)
        .join('')
        .split(' '),
    ).toHaveLength(24);
    expect(hit?.excerpt.find((w) => w.hit)?.text).toBe('w60');
    expect([hit?.before, hit?.after]).toEqual([true, true]);
  });
});

describe('paragraphHits: what Pagefind found by a word’s beginning', () => {
  // Pagefind finds "theatre" and "Then" for "the"; the chapter page marks "the" alone.
  const content = 'Chapter One. The theatre was dark. Then the lamps were lit, the lamplighter gone.';
  const page = (locations: number[], text = content): PagefindResultData => ({
    url: '/chapter-1/',
    content: text,
    meta: { title: 'Chapter One' },
    locations,
    anchors: [
      { element: 'p', id: 'p-1', location: 2 },
      { element: 'p', id: 'p-2', location: 6 },
    ],
  });

  it('counts and marks the word itself, as the chapter page does, not the words it begins', () => {
    const hits = paragraphHits(page([2, 3, 6, 7, 11, 12]), 'the');
    expect(hits.map((hit) => [hit.id, hit.matches])).toEqual([
      ['p-1', 1],
      ['p-2', 2],
    ]);
    expect(hits.flatMap((hit) => hit.excerpt.filter((part) => part.hit).map((part) => part.text))).toEqual(['The', 'the', 'the']);
  });

  it('still shows a chapter Pagefind found by a beginning alone, marked where Pagefind found it', () => {
    const [hit] = paragraphHits(page([12]), 'lamplight');
    expect(hit?.excerpt.find((part) => part.hit)?.text).toBe('lamplighter');
  });

  it('keeps a Hebrew word behind its prefixes, in a Hebrew story, beside the word alone', () => {
    // p-1: "we saw a lighthouse."; p-2: "a light in the lighthouse" (ב joined to the word).
    const text = 'פרק אחד. ראינו מגדלור. אור במגדלור הישן.';
    const hebrew = {
      ...page([3, 5], text),
      anchors: [
        { element: 'p', id: 'p-1', location: 2 },
        { element: 'p', id: 'p-2', location: 4 },
      ],
    };
    const hits = paragraphHits(hebrew, 'מגדלור', 'he');
    expect(hits.map((hit) => hit.excerpt.find((part) => part.hit)?.text)).toEqual(['מגדלור', 'במגדלור']);
  });
});

describe('paragraphHits in Chinese and Japanese', () => {
  // Pagefind counts CJK words by its own segmentation: these locations do not match spaces.
  const japanese: PagefindResultData = {
    url: '/chapter-1/',
    content: '第一話 手紙. 封を切ると、中には薄い紙が一枚だけ入っていた。 「あそぼう」 子どもの字で、たったそれだけが書かれていた。',
    meta: { title: '第一話 手紙' },
    locations: [23, 24, 25, 33],
    anchors: [
      { element: 'div', id: 'chapter-text', location: 4, text: '' },
      { element: 'p', id: 'p-1', location: 4, text: '封を切ると、中には薄い紙が一枚だけ入っていた。' },
      { element: 'p', id: 'p-2', location: 22, text: '「あそぼう」' },
      { element: 'p', id: 'p-3', location: 27, text: '子どもの字で、たったそれだけが書かれていた。' },
    ],
  };

  it('finds what the reader typed in each paragraph, not what a segmenter split it into', () => {
    const hits = paragraphHits(japanese, 'あそぼう');
    expect(hits.map((hit) => [hit.id, hit.matches])).toEqual([['p-2', 1]]);
    expect(hits[0]?.excerpt).toEqual([
      { text: '「', hit: false },
      { text: 'あそぼう', hit: true },
      { text: '」', hit: false },
    ]);
    expect(hits[0]?.joiner).toBe('');
  });

  it('cuts a long paragraph by characters around the match', () => {
    const text = `${'雪'.repeat(80)}手紙${'雪'.repeat(80)}`;
    const [hit] = paragraphHits({ ...japanese, content: text, anchors: [{ element: 'p', id: 'p-1', location: 0, text }] }, '手紙');
    expect(Array.from(hit!.excerpt.map((part) => part.text).join(''))).toHaveLength(48);
    expect(hit?.excerpt.find((part) => part.hit)?.text).toBe('手紙');
    expect([hit?.before, hit?.after]).toEqual([true, true]);
  });
});

describe('hitHref', () => {
  it('asks the chapter to highlight the query and lands on the paragraph', () => {
    expect(hitHref('/quire/chapter-2/', 'ghost sang', 'p-7')).toBe('/quire/chapter-2/?highlight=ghost+sang#p-7');
    expect(hitHref('/chapter-2/', 'Giry’s')).toBe('/chapter-2/?highlight=Giry%E2%80%99s');
  });
});

describe('accents', () => {
  it('folds case and diacritics', () => {
    expect(fold('Daaé')).toBe('daae');
  });

  it('folds the letters typed as plain ones on other keyboards (ß, ł, ı, ø, æ…), so each finds and marks the other', () => {
    expect(['Straße', 'STRASSE', 'złoto', 'ışık', 'IŞIK', 'Sørensen', 'Æsir'].map(fold)).toEqual([
      'strasse',
      'strasse',
      'zloto',
      'isik',
      'isik',
      'sorensen',
      'aesir',
    ]);
    const text = 'Die STRASSE war nass. Er ging die Straße entlang; IŞIK, ışık.';
    expect(findHits(text, parseQuery('strasse isik')).map((m) => text.slice(m.start, m.end))).toEqual([
      'STRASSE',
      'Straße',
      'IŞIK',
      'ışık',
    ]);
    // A story that writes "złoto" and never "zloto" is searched for it when a reader types "zloto".
    const variants = accentVariants(['Złoto i srebro. Weiß.']);
    expect(variants).toEqual({ weiss: 'weiß', zloto: 'złoto' });
    expect(withAccents('zloto weiss', variants)).toBe('złoto weiß');
  });

  it('maps words typed without accents to the story’s accented spelling', () => {
    const variants = accentVariants(['Christine Daaé sang.', 'The café, the cafe.', 'Élan']);
    expect(variants).toEqual({ daae: 'daaé', elan: 'élan' });
    expect(withAccents('christine daae', variants)).toBe('christine daaé');
  });

  it('reads yeh and kaf typed either way (Arabic’s ي ك, Persian’s ی ک) as the story types them, and marks them alike', () => {
    // A Persian story, searched from a keyboard set to Arabic; an Arabic story, from one set to Persian.
    expect(withLetterForms('ايستاده كنار', 'fa')).toBe('ایستاده کنار');
    expect(withLetterForms('ایستاده کنار', 'fa-IR')).toBe('ایستاده کنار');
    expect(withLetterForms('کتاب ی', 'ar')).toBe('كتاب ي');
    expect(withLetterForms('Daaé', 'en')).toBe('Daaé');
    const text = 'او مثل همیشه ایستاده بود.';
    expect(findHits(text, parseQuery('ايستاده')).map((m) => text.slice(m.start, m.end))).toEqual(['ایستاده']);
    // The accents file keeps to accents: Persian words are not all listed as other spellings.
    expect(accentVariants(['او مثل همیشه ایستاده بود.'])).toEqual({});
  });

  it('leaves words alone that only look like object properties', () => {
    expect(withAccents('constructor toString __proto__ hasOwnProperty', { daae: 'daaé' })).toBe(
      'constructor toString __proto__ hasOwnProperty',
    );
  });
});

describe('findHits', () => {
  const marked = (text: string, query: string) => findHits(text, parseQuery(query)).map((m) => text.slice(m.start, m.end));

  it('finds words regardless of case and accents', () => {
    expect(marked('Christine Daaé sang. DAAE!', 'daae')).toEqual(['Daaé', 'DAAE']);
  });

  it('matches curly and straight apostrophes alike', () => {
    expect(marked("Giry’s daughter and Giry's mother", "Giry's")).toEqual(['Giry’s', "Giry's"]);
  });

  it('marks other forms of a word, never a longer word that starts with it, nor one that contains it', () => {
    expect(marked('The dancers danced; a dancer. Undance.', 'dancers')).toEqual(['dancers', 'dancer']);
    expect(marked('The dancers danced; a dancer. Undance.', 'dancing')).toEqual(['danced']);
    expect(marked('The theatre: they, these, their; the end.', 'the')).toEqual(['The', 'the']);
  });

  it('marks a quoted phrase only where its words stand together, in order, across punctuation', () => {
    const text = 'The lamplighter went by. The lamplighter, went by the door; by then the lamplighter slept.';
    const hits = (query: string) => findHits(text, parseQuery(query)).map((m) => text.slice(m.start, m.end));
    expect(hits('"the lamplighter went by"')).toEqual(['The lamplighter went by', 'The lamplighter, went by']);
    expect(hits('"went by" door')).toEqual(['went by', 'went by', 'door']);
    expect(hits('“lamplighter slept”')).toEqual(['lamplighter slept']);
    expect(parseQuery('"the white  mask" lake "')).toEqual({ phrases: [['the', 'white', 'mask']], words: ['lake'] });
  });

  it('finds a quoted Chinese or Japanese phrase as one run of characters', () => {
    const text = 'ニャンコ先生が鼻を鳴らした。先生、ニャンコ';
    expect(findHits(text, parseQuery('"ニャンコ 先生"')).map((m) => text.slice(m.start, m.end))).toEqual(['ニャンコ先生']);
  });

  it('marks nothing for an empty query', () => {
    expect(findHits('anything', parseQuery(''))).toEqual([]);
  });

  it('finds Chinese, Japanese and Korean terms inside a run of text, with or without spaces in the query', () => {
    expect(marked('宛名も差出人もない、古びた手紙だった。', '手紙')).toEqual(['手紙']);
    expect(marked('ニャンコ先生が鼻を鳴らした。', 'ニャンコ先生')).toEqual(['ニャンコ先生']);
    expect(marked('「先生、これ」ニャンコ先生は', 'ニャンコ 先生')).toEqual(['先生', 'ニャンコ', '先生']);
    expect(marked('「あそぼう」子どもの字で、たったそれだけ', 'あそぼう')).toEqual(['あそぼう']);
    expect(marked('湖边挂满了灯笼。', '灯笼')).toEqual(['灯笼']);
    expect(marked('안녕하세요 친구', '친구')).toEqual(['친구']);
  });

  it('keeps the sound marks of Japanese kana: ぼう is not ほう', () => {
    expect(marked('ほうき', 'ぼう')).toEqual([]);
  });
});

describe('did you mean', () => {
  const words = vocabulary(['The chessboard stood by the chessboard’s lamp. Daaé sang; the lamps lit.', '夏目貴志は']);

  it('lists the story’s words, folded, most used first, without Chinese or Japanese runs', () => {
    expect(words.slice(0, 3)).toEqual(['the', 'chessboard', 'chessboard’s'.replace('’', "'")]);
    expect(words).toContain('daae');
    expect(words.some((word) => /[\p{Script=Han}]/u.test(word))).toBe(false);
  });

  it('replaces only the words the story never uses with the closest it does', () => {
    expect(suggestQuery('chessbord', words)).toBe('chessboard');
    expect(suggestQuery('the chessbord lmap', words)).toBe('the chessboard lamp');
    expect(suggestQuery('"stod by the lamp"', words)).toBe('"stood by the lamp"');
    expect(suggestQuery('chessboard', words)).toBeUndefined();
    expect(suggestQuery('xylophonequark', words)).toBeUndefined();
  });
});

describe('words behind prefixes', () => {
  it('takes off only the prefixes Hebrew and Arabic join to words, in their order', () => {
    expect(hasPrefixOf('במגדלור', 'מגדלור', 'he')).toBe(true);
    expect(hasPrefixOf('ולכשהמגדלור', 'מגדלור', 'he')).toBe(false);
    expect(hasPrefixOf('וכשהמגדלור', 'מגדלור', 'he')).toBe(true);
    expect(hasPrefixOf('בימים', 'ים', 'he')).toBe(false);
    expect(hasPrefixOf('بالرسائل', 'رسائل', 'ar')).toBe(true);
    expect(hasPrefixOf('للبحر', 'بحر', 'ar')).toBe(true);
    expect(hasPrefixOf('inlighthouse', 'lighthouse', 'en')).toBe(false);
    expect(prefixedForms('ים', 'en')).toEqual(['ים']);
    expect(prefixedForms('ים', 'he-IL')).toContain('הים');
  });

  it('finds a Persian verb’s stem behind می and نمی, joined by a zero-width non-joiner or by nothing', () => {
    expect(hasPrefixOf('می\u200cبارید', 'بارید', 'fa')).toBe(true);
    expect(hasPrefixOf('نمیبارید', 'بارید', 'fa')).toBe(true);
    expect(hasPrefixOf('بباريد', 'بارید', 'fa')).toBe(false);
    expect(prefixedForms('بارید', 'fa')).toEqual(['بارید', 'نمی\u200cبارید', 'می\u200cبارید', 'نمیبارید', 'میبارید']);
    const text = 'باران می\u200cبارید و او نمیبارید را نوشت. می آید و میبارید.';
    const marked = (query: string) => findHits(text, parseQuery(query, 'fa')).map((m) => text.slice(m.start, m.end));
    // The whole word, as the results page marks it, not the stem after the non-joiner.
    expect(marked('بارید')).toEqual(['می\u200cبارید', 'نمیبارید', 'میبارید']);
    // A word typed with its non-joiner is that word (typed with it or without), never its parts: not every "می".
    expect(marked('می\u200cبارید')).toEqual(['می\u200cبارید', 'میبارید']);
    // A word with a suffix joined so ("books", کتاب‌ها) holds the word: the whole of it is marked.
    const books = 'کتاب‌ها روی میز بود و یک کتاب دیگر.';
    expect(findHits(books, parseQuery('کتاب', 'fa')).map((m) => books.slice(m.start, m.end))).toEqual(['کتاب‌ها', 'کتاب']);
  });

  it('marks a word behind its prefixes in the chapter', () => {
    const text = 'השומר במגדלור. המגדלור הישן; מגדלורים רבים.';
    expect(findHits(text, parseQuery('מגדלור', 'he')).map((m) => text.slice(m.start, m.end))).toEqual(['במגדלור', 'המגדלור']);
  });
});

describe('Thai, written without spaces', () => {
  it('marks a word inside a run on the segmenter’s word boundaries, never part of a word', () => {
    const text = 'แมวสีดำนั่งอยู่ข้างประตู มองออกไปที่ทะเลอันมืดมิด';
    const hits = (query: string) => findHits(text, parseQuery(query, 'th')).map((m) => text.slice(m.start, m.end));
    expect(hits('ทะเล')).toEqual(['ทะเล']);
    expect(hits('ประตู')).toEqual(['ประตู']);
    expect(hits('ประ')).toEqual([]);
    expect(hits('"แมว สีดำ"')).toEqual(['แมวสีดำ']);
  });
});
