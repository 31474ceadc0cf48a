import { slugify } from '../core/slug.ts';

/**
 * Chapter headings and note labels as authors write them, in the languages fanfic is written
 * in: data, so a language is added by adding a line here.
 */

/** How a language names a chapter (and its short forms), the prologue, epilogue and interlude. */
interface Words {
  chapter: string[];
  prologue: string[];
  epilogue: string[];
  interlude: string[];
  /** Labels that open an author's note: "Author's Note:", "A/N:". */
  notes: string[];
}

/** The first word of each list is the one titles are written with. */
const languages: Record<string, Words> = {
  en: {
    chapter: ['Chapter', 'Ch.', 'Ch', 'Chap.'],
    prologue: ['Prologue'],
    epilogue: ['Epilogue'],
    interlude: ['Interlude'],
    notes: ["Author's Notes", "Author's Note", 'Authors Note', 'Author’s Note', 'A/N', 'AN'],
  },
  es: {
    chapter: ['Capítulo', 'Capitulo', 'Cap.', 'Cap'],
    prologue: ['Prólogo', 'Prologo'],
    epilogue: ['Epílogo', 'Epilogo'],
    interlude: ['Interludio'],
    notes: ['Nota de la autora', 'Nota del autor', 'Notas de la autora', 'Notas del autor', 'N/A', 'N. de A.'],
  },
  pt: {
    chapter: ['Capítulo', 'Capitulo', 'Cap.'],
    prologue: ['Prólogo'],
    epilogue: ['Epílogo'],
    interlude: ['Interlúdio', 'Interludio'],
    notes: ['Nota da autora', 'Nota do autor', 'Notas da autora', 'Notas do autor', 'N/A'],
  },
  fr: {
    chapter: ['Chapitre', 'Chap.'],
    prologue: ['Prologue'],
    epilogue: ['Épilogue', 'Epilogue'],
    interlude: ['Interlude'],
    notes: ["Note de l'autrice", "Note de l'auteur", 'Note de l’autrice', 'Note de l’auteur', 'NdA', 'N/A'],
  },
  it: {
    chapter: ['Capitolo', 'Cap.'],
    prologue: ['Prologo'],
    epilogue: ['Epilogo'],
    interlude: ['Interludio'],
    notes: ["Nota dell'autrice", "Nota dell'autore", 'Nota dell’autrice', 'Nota dell’autore', 'NdA', 'N/A'],
  },
  de: {
    chapter: ['Kapitel', 'Kap.'],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Zwischenspiel', 'Interludium'],
    notes: ['Anmerkung der Autorin', 'Anmerkung des Autors', 'Anmerkung', 'A/N'],
  },
  nl: {
    chapter: ['Hoofdstuk', 'Hfst.'],
    prologue: ['Proloog'],
    epilogue: ['Epiloog'],
    interlude: ['Intermezzo'],
    notes: ['Noot van de auteur', 'Noot van de schrijver', 'A/N'],
  },
  pl: {
    chapter: ['Rozdział', 'Rozdzial', 'Rozdz.'],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Interludium'],
    notes: ['Notka autorki', 'Notka autora', 'Od autorki', 'Od autora', 'N/A', 'A/N'],
  },
  ru: {
    chapter: ['Глава', 'Гл.'],
    prologue: ['Пролог'],
    epilogue: ['Эпилог'],
    interlude: ['Интерлюдия'],
    notes: ['Примечание автора', 'Примечания автора', 'От автора', 'П/А'],
  },
  uk: {
    chapter: ['Розділ', 'Глава'],
    prologue: ['Пролог'],
    epilogue: ['Епілог'],
    interlude: ['Інтерлюдія'],
    notes: ['Примітка автора', 'Примітки автора', 'Від автора'],
  },
  tr: {
    chapter: ['Bölüm', 'Bolum'],
    prologue: ['Önsöz', 'Prolog'],
    epilogue: ['Sonsöz', 'Epilog'],
    interlude: ['Ara Bölüm'],
    notes: ['Yazarın Notu', 'Yazar Notu', 'Y/N'],
  },
  id: {
    chapter: ['Bab', 'Chapter'],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Selingan', 'Interlude'],
    notes: ['Catatan Penulis', 'Catatan Author', 'A/N'],
  },
  vi: {
    chapter: ['Chương', 'Chuong'],
    prologue: ['Mở đầu', 'Lời mở đầu'],
    epilogue: ['Vĩ thanh', 'Kết'],
    interlude: ['Ngoại truyện'],
    notes: ['Lời tác giả', 'Tác giả', 'A/N'],
  },
};

/** Chinese, Japanese and Korean headings: `第4章`, `第四話`, `제4장`, `4화`, and their named chapters. */
const cjkChapter =
  /^(?:第\s*([0-9０-９〇零一二三四五六七八九十百千两兩]+)\s*[章话話回节節幕部]|제\s*([0-9]+)\s*[장화부]|([0-9]+)\s*화)(?:\s*[:：.、．\-—–]?\s*(.*))?$/u;
const cjkNamed: Record<'prologue' | 'epilogue' | 'interlude', string[]> = {
  prologue: ['序章', '楔子', '序', 'プロローグ', '프롤로그'],
  epilogue: ['尾声', '尾聲', '终章', '終章', '后记', '後記', 'エピローグ', '에필로그'],
  interlude: ['间章', '間章', '幕间', '幕間', 'インタールード', '막간'],
};
const cjkNotes = ['作者的话', '作者的話', '作者有话说', '作者有話說', '作者按', 'あとがき', '作者より', '前書き', '작가의 말'];

/** A chapter heading as the importer understands it. */
export interface TitleLine {
  kind: 'prologue' | 'chapter' | 'interlude' | 'epilogue';
  /** The chapter's number (4.5 for "Chapter 4.5"); none for prologues, epilogues and interludes. */
  number: number | undefined;
  /** The title as readers will see it, its number in digits: "Chapter 12: The Lake". */
  title: string;
  /** The file name it suggests: chapter-12, chapter-4-5, prologue, interlude-letters. */
  slug: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const all = (pick: (words: Words) => string[]) => [...new Set(Object.values(languages).flatMap(pick))].sort((a, b) => b.length - a.length);
const englishNumbers = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const englishTens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const numberPattern = String.raw`(\d+(?:[.,]\d+)?|[ivxlc]+|(?:${[...englishNumbers.slice(1), ...englishTens.slice(2)].join('|')})(?:[-\s](?:${englishNumbers.slice(1, 10).join('|')}))?)`;
const subtitle = String.raw`(?:\s*[:.\-–—]\s*(.+?))?`;
const chapterLine = new RegExp(
  String.raw`^(${all((w) => w.chapter)
    .map(escape)
    .join('|')})\s*${numberPattern}${subtitle}\s*$`,
  'iu',
);
const namedLine = new RegExp(
  String.raw`^(${all((w) => [...w.prologue, ...w.epilogue, ...w.interlude])
    .map(escape)
    .join('|')})${subtitle}\s*$`,
  'iu',
);
/** A note label, then a colon or a spaced dash: never the first letters of a word ("An-Mei"). */
const noteLine = new RegExp(String.raw`^(?:${[...all((w) => w.notes), ...cjkNotes].map(escape).join('|')})\s*(?::|：|\s[-–—]\s)\s*`, 'iu');

/** The longest line taken for a heading: real serials have 140-character chapter titles. */
const maxTitleLine = 250;

/** "12", "4.5", "Twelve", "twenty-one", "XII", "四", "十二" → the number; anything else → undefined. */
export function parseNumber(word: string): number | undefined {
  const digits = word.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (/^\d+(?:[.,]\d+)?$/.test(digits)) return Number(digits.replace(',', '.'));
  const lower = word.toLowerCase();
  const small = englishNumbers.indexOf(lower);
  if (small !== -1) return small;
  const [tens = '', unit] = lower.split(/[-\s]/);
  const t = englishTens.indexOf(tens);
  if (t >= 2) {
    if (unit === undefined) return t * 10;
    const u = englishNumbers.indexOf(unit);
    if (u >= 1 && u <= 9) return t * 10 + u;
  }
  if (/^[ivxlc]+$/i.test(word)) return parseRoman(word.toUpperCase());
  if (/^[〇零一二三四五六七八九十百千两兩]+$/u.test(word)) return parseHanNumber(word);
  return undefined;
}

function parseRoman(roman: string): number | undefined {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = values[roman[i]!]!;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : undefined;
}

/** 四 → 4, 十二 → 12, 二十一 → 21, 一百零五 → 105. */
function parseHanNumber(text: string): number | undefined {
  const digit: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char in digit) current = digit[char]!;
    else {
      total += (current || 1) * unit[char]!;
      current = 0;
    }
  }
  return total + current || undefined;
}

/** The heading a title line stands for, or undefined when the line is not a heading. */
export function parseTitleLine(line: string): TitleLine | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > maxTitleLine) return undefined;
  const chapter = chapterLine.exec(text);
  if (chapter) {
    const number = parseNumber(chapter[2]!);
    if (number === undefined) return undefined;
    const label = canonical(chapter[1]!, (words) => words.chapter);
    const name = chapter[3]?.trim();
    return {
      kind: 'chapter',
      number,
      title: name ? `${label} ${number}: ${name}` : `${label} ${number}`,
      slug: `chapter-${String(number).replace('.', '-')}`,
    };
  }
  const cjk = cjkChapter.exec(text);
  if (cjk) {
    const number = parseNumber(cjk[1] ?? cjk[2] ?? cjk[3]!);
    if (number === undefined) return undefined;
    return { kind: 'chapter', number, title: text, slug: `chapter-${number}` };
  }
  for (const [kind, words] of Object.entries(cjkNamed) as [TitleLine['kind'], string[]][]) {
    const word = words.find((candidate) => text === candidate || new RegExp(`^${escape(candidate)}\\s*[:：\\-—–]`, 'u').test(text));
    if (word) return { kind, number: undefined, title: text, slug: kind };
  }
  const named = namedLine.exec(text);
  if (named) {
    const kind = (['prologue', 'epilogue', 'interlude'] as const).find((k) =>
      all((w) => w[k]).some((word) => word.toLowerCase() === named[1]!.toLowerCase()),
    )!;
    const label = canonical(named[1]!, (words) => words[kind]);
    const name = named[2]?.trim();
    const title = name ? `${label}: ${name}` : label;
    const slug = kind === 'interlude' && name ? slugify(`interlude ${name}`) || 'interlude' : kind;
    return { kind, number: undefined, title, slug };
  }
  return undefined;
}

/** The word titles are written with, for a word as it was found ("Ch." → "Chapter", "prólogo" → "Prólogo"). */
function canonical(found: string, pick: (words: Words) => string[]): string {
  const lower = found.toLowerCase();
  for (const words of Object.values(languages)) {
    const list = pick(words);
    if (list.some((word) => word.toLowerCase() === lower)) return list[0]!;
  }
  return found;
}

/** The label that opens a note at the start of a line ("A/N: ", "Nota de la autora: "), if there is one. */
export function noteLabel(line: string): string | undefined {
  return noteLine.exec(line.trimStart())?.[0];
}
