/**
 * Chapter labels as authors write them, in the languages fanfic is written in: "Chapter 12",
 * "Capítulo 4", "第4章", "Prologue". Data, so a language is added by adding a line; the importer
 * reads title lines with it, and the site sets a title's label apart from its name.
 */

import { cjkCharacter } from '../shared/text-stats.ts';

/** How a language names a chapter (and its short forms), the prologue, epilogue and interlude. */
export interface Words {
  chapter: string[];
  prologue: string[];
  epilogue: string[];
  interlude: string[];
  /** Labels that open an author's note: "Author's Note:", "A/N:". */
  notes: string[];
}

/** The first word of each list is the one titles are written with. */
export const languages: Record<string, Words> = {
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
  ar: {
    chapter: ['الفصل', 'فصل'],
    prologue: ['المقدمة', 'تمهيد'],
    epilogue: ['الخاتمة'],
    interlude: ['فاصل'],
    notes: ['ملاحظة الكاتبة', 'ملاحظة الكاتب', 'ملاحظة المؤلف'],
  },
  he: {
    chapter: ['פרק'],
    prologue: ['פרולוג'],
    epilogue: ['אפילוג'],
    interlude: ['אינטרלוד'],
    notes: ['הערת הכותבת', 'הערת הכותב', 'הערת המחבר'],
  },
};

/** Chinese, Japanese and Korean headings: `第4章`, `第四話`, `제4장`, `4화`, and their named chapters. */
export const cjkChapter =
  /^(?:第\s*([0-9０-９〇零一二三四五六七八九十百千两兩]+)\s*[章话話回节節幕部]|제\s*([0-9]+)\s*[장화부]|([0-9]+)\s*화)(?:\s*[:：.、．\-—–]?\s*(.*))?$/u;
export const cjkNamed: Record<'prologue' | 'epilogue' | 'interlude', string[]> = {
  prologue: ['序章', '楔子', '序', 'プロローグ', '프롤로그'],
  epilogue: ['尾声', '尾聲', '终章', '終章', '后记', '後記', 'エピローグ', '에필로그'],
  interlude: ['间章', '間章', '幕间', '幕間', 'インタールード', '막간'],
};
export const cjkNotes = ['作者的话', '作者的話', '作者有话说', '作者有話說', '作者按', 'あとがき', '作者より', '前書き', '작가의 말'];

export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export const all = (pick: (words: Words) => string[]) =>
  [...new Set(Object.values(languages).flatMap(pick))].sort((a, b) => b.length - a.length);
export const englishNumbers = [
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
export const englishTens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const numberPattern = String.raw`(\d+(?:[.,]\d+)?|[ivxlc]+|(?:${[...englishNumbers.slice(1), ...englishTens.slice(2)].join('|')})(?:[-\s](?:${englishNumbers.slice(1, 10).join('|')}))?)`;
export const subtitle = String.raw`(?:\s*[:.\-–—]\s*(.+?))?`;
export const chapterLine = new RegExp(
  String.raw`^(${all((w) => w.chapter)
    .map(escape)
    .join('|')})\s*${numberPattern}${subtitle}\s*$`,
  'iu',
);
export const namedLine = new RegExp(
  String.raw`^(${all((w) => [...w.prologue, ...w.epilogue, ...w.interlude])
    .map(escape)
    .join('|')})${subtitle}\s*$`,
  'iu',
);
/** A note label, then a colon or a spaced dash: never the first letters of a word ("An-Mei"). */
export const noteLine = new RegExp(
  String.raw`^(?:${[...all((w) => w.notes), ...cjkNotes].map(escape).join('|')})\s*(?::|：|\s[-–—]\s)\s*`,
  'iu',
);

/** The longest line taken for a heading: real serials have 140-character chapter titles. */
export const maxTitleLine = 250;

const wordedLabel = new RegExp(
  String.raw`^(?:${all((w) => w.chapter)
    .map(escape)
    .join('|')})\s+[^\s:：]+(?:\s+[^\s:：]+){0,2}\s*[:：]\s*(.+)$`,
  'iu',
);

/** A chapter title as a book sets it: its label ("Chapter 5") apart from its name ("A Short One"). */
export interface TitleParts {
  /** "Chapter 5", "Prologue", "第4章", as the author wrote it; absent when the title has no label. */
  label: string | undefined;
  /** The descriptive title; the whole title when there is no label. */
  name: string;
  /** What stands between them as written (": ", " : ", " — ", "、", or nothing); hidden when the label sits on a line of its own, read aloud. */
  separator: string;
}

/**
 * Splits "Chapter 5: A short one—showing…" into its label and its name, in every language
 * of the data above. A title that is only a label ("Chapter 5", "Epilogue") or has none
 * ("The Lake") is its own name.
 */
export function titleParts(title: string): TitleParts {
  const text = title.trim();
  const whole = { label: undefined, name: text, separator: '' };
  if (text.length > maxTitleLine * 4) return whole;
  const labelled = (name: string | undefined): TitleParts => {
    const trimmed = name?.trim();
    if (!trimmed) return whole;
    const at = text.lastIndexOf(trimmed);
    const label = text
      .slice(0, at)
      .replace(/[\s:：.、．\-–—]+$/u, '')
      .trim();
    return label ? { label, name: trimmed, separator: text.slice(label.length, at) } : whole;
  };
  const chapter = chapterLine.exec(text);
  if (chapter) return labelled(chapter[3]);
  const cjk = cjkChapter.exec(text);
  if (cjk) return labelled(cjk[4]);
  const named = namedLine.exec(text);
  if (named) return labelled(named[2]);
  // A chapter word, a number written in words ("الفصل الأول", "Chapter the First"), a colon.
  const worded = wordedLabel.exec(text);
  if (worded) return labelled(worded[1]);
  for (const words of Object.values(cjkNamed)) {
    const word = words.find((candidate) => new RegExp(`^${escape(candidate)}\\s*[:：\\-—–]\\s*\\S`, 'u').test(text));
    if (word) return labelled(text.slice(word.length).replace(/^\s*[:：\-—–]\s*/u, ''));
  }
  return whole;
}

/** How long a name is, for setting it smaller as it grows, as books do: short, long, very long. */
export function titleLength(name: string): 'short' | 'long' | 'very-long' {
  const length = Array.from(name).length * (cjkCharacter.test(name) ? 2 : 1);
  return length > 90 ? 'very-long' : length > 40 ? 'long' : 'short';
}
