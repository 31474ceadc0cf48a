import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../support/content-file';
import { decodeText } from '../../src/importer/decode';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readInputs } from '../../src/cli/support/inputs';
import { compareWords, fidelityWords } from '../../src/importer/fidelity';
import { planImport } from '../../src/importer/files';
import { hastToMarkdown } from '../../src/importer/hast-to-markdown';
import { parseHtml, select } from '../../src/importer/html';
import { readText } from '../../src/importer/readers/text';
import { readInput } from '../../src/importer/read';
import { isSceneBreak } from '../../src/core/scene-breaks';
import { noteLabel, numberedEntry, parseNumber, parseTitleLine } from '../../src/importer/title-lines';
import { slugify } from '../../src/core/slug';
import { gatherFootnoteDefinitions } from '../../src/importer/markdown-references';
import { pandocBlocks, pandocSpans } from '../../src/importer/readers/markdown';
import { languages, namedNumber, readTitle, titleParts, volumeLabel } from '../../src/core/chapter-labels';

/** Imports a plain-text chapter as `npm run import` does, into a folder holding `existing` orders. */
async function importText(text: string, stem = 'input', existing: number[] = []) {
  const work = readText(text, `${stem}.txt`, stem);
  const plan = await planImport(work, existing);
  const [chapter] = plan.chapters;
  const file = parseContentFile(chapter!.text);
  return { work, plan, chapter: chapter!, ...file };
}

const html = (markup: string) => hastToMarkdown({ type: 'root', children: select('body', parseHtml(markup))!.children });

describe('title lines', () => {
  it.each([
    ['Prologue', 'prologue', undefined, 'Prologue', 'prologue'],
    ['PROLOGUE', 'prologue', undefined, 'Prologue', 'prologue'],
    ['Chapter 12', 'chapter', 12, 'Chapter 12', 'chapter-12'],
    ['Chapter 12: The Mask', 'chapter', 12, 'Chapter 12: The Mask', 'chapter-12'],
    ['Chapter Twelve', 'chapter', 12, 'Chapter 12', 'chapter-12'],
    ['Chapter twenty-one - Below', 'chapter', 21, 'Chapter 21: Below', 'chapter-21'],
    // Long serials: a hundred and more in words, thousands set apart by commas.
    ['Chapter One Hundred and Two: Home', 'chapter', 102, 'Chapter 102: Home', 'chapter-102'],
    ['CHAPTER NINE HUNDRED NINETY-NINE', 'chapter', 999, 'Chapter 999', 'chapter-999'],
    ['Chapter 1,000', 'chapter', 1000, 'Chapter 1,000', 'chapter-1000'],
    ['Chapter 4,5', 'chapter', 4.5, 'Chapter 4,5', 'chapter-4-5'],
    ['Ch. 12 - Title', 'chapter', 12, 'Chapter 12: Title', 'chapter-12'],
    ['Chapter XIV', 'chapter', 14, 'Chapter 14', 'chapter-14'],
    // The ways fanfic sets a title line apart: a bar, a dot, a guillemet or a spaced slash before the name, a #, a count of the whole.
    ['Chapter 1 | The Lamp', 'chapter', 1, 'Chapter 1: The Lamp', 'chapter-1'],
    ['Chapter 1 · The Lamp', 'chapter', 1, 'Chapter 1: The Lamp', 'chapter-1'],
    ['Chapter 1 / The Lamp', 'chapter', 1, 'Chapter 1: The Lamp', 'chapter-1'],
    ['Chapter #4', 'chapter', 4, 'Chapter 4', 'chapter-4'],
    ['Chapter 4/10: The Lamp', 'chapter', 4, 'Chapter 4: The Lamp', 'chapter-4'],
    ['Chapter 4 of 10', 'chapter', 4, 'Chapter 4', 'chapter-4'],
    ['Episode 3: The Lamp', 'chapter', 3, 'Episode 3: The Lamp', 'chapter-3'],
    // Marks around a title line, as old books and pasted text have them.
    ['CHAPTER I.', 'chapter', 1, 'Chapter 1', 'chapter-1'],
    ['Chapter 7.', 'chapter', 7, 'Chapter 7', 'chapter-7'],
    ['~ Chapter 2 ~', 'chapter', 2, 'Chapter 2', 'chapter-2'],
    ['**Chapter 3**', 'chapter', 3, 'Chapter 3', 'chapter-3'],
    ['— Epilogue —', 'epilogue', undefined, 'Epilogue', 'epilogue'],
    ['Chapter 4.5', 'chapter', 4.5, 'Chapter 4.5', 'chapter-4-5'],
    ['Epilogue', 'epilogue', undefined, 'Epilogue', 'epilogue'],
    ['Interlude: Letters & Lies', 'interlude', undefined, 'Interlude: Letters & Lies', 'interlude-letters-lies'],
    ['Capítulo 4: La máscara', 'chapter', 4, 'Capítulo 4: La máscara', 'chapter-4'],
    ['capitulo 4', 'chapter', 4, 'Capítulo 4', 'chapter-4'],
    ['Epílogo', 'epilogue', undefined, 'Epílogo', 'epilogue'],
    ['Prólogo', 'prologue', undefined, 'Prólogo', 'prologue'],
    // French sets a no-break space before a colon.
    ['Chapitre 3 - Le lac', 'chapter', 3, 'Chapitre 3\u00a0: Le lac', 'chapter-3'],
    ['Prologue : Le début', 'prologue', undefined, 'Prologue\u00a0: Le début', 'prologue'],
    ['Épilogue - Dix ans après', 'epilogue', undefined, 'Épilogue\u00a0: Dix ans après', 'epilogue'],
    ['Capitolo 2', 'chapter', 2, 'Capitolo 2', 'chapter-2'],
    ['Kapitel 5: Der See', 'chapter', 5, 'Kapitel 5: Der See', 'chapter-5'],
    ['Hoofdstuk 1', 'chapter', 1, 'Hoofdstuk 1', 'chapter-1'],
    ['Rozdział 7', 'chapter', 7, 'Rozdział 7', 'chapter-7'],
    ['Глава 3. Озеро', 'chapter', 3, 'Глава 3: Озеро', 'chapter-3'],
    ['Розділ 2', 'chapter', 2, 'Розділ 2', 'chapter-2'],
    ['Bölüm 4', 'chapter', 4, 'Bölüm 4', 'chapter-4'],
    ['Bab 9', 'chapter', 9, 'Bab 9', 'chapter-9'],
    ['Chương 12', 'chapter', 12, 'Chương 12', 'chapter-12'],
    ['第4章 湖', 'chapter', 4, '第4章 湖', 'chapter-4'],
    ['第四話', 'chapter', 4, '第四話', 'chapter-4'],
    ['第十二章：归来', 'chapter', 12, '第十二章：归来', 'chapter-12'],
    ['제4장', 'chapter', 4, '제4장', 'chapter-4'],
    ['プロローグ', 'prologue', undefined, 'プロローグ', 'prologue'],
    ['序章', 'prologue', undefined, '序章', 'prologue'],
    // Web novels' side stories, between chapters or after the last: each its own interlude.
    ['番外一 春天', 'interlude', undefined, '番外一 春天', '番外一-春天'],
    ['閑話　猫の一日', 'interlude', undefined, '閑話　猫の一日', '閑話-猫の一日'],
    ['외전 1화', 'interlude', undefined, '외전 1화', '외전-1화'],
    ['幕间', 'interlude', undefined, '幕间', '幕间'],
    // Japanese web novels' episodes without 第, and a label in brackets before the name: kept as written.
    ['1話 出会い', 'chapter', 1, '1話 出会い', 'chapter-1'],
    ['【第1話】出会い', 'chapter', 1, '【第1話】出会い', 'chapter-1'],
    ['[Chapter 1] The Lamp', 'chapter', 1, 'Chapter 1: The Lamp', 'chapter-1'],
    ['Side Story: The Ball', 'interlude', undefined, 'Side Story: The Ball', 'side-story-the-ball'],
    ['BONUS CHAPTER', 'interlude', undefined, 'BONUS CHAPTER', 'bonus-chapter'],
    ['Omake - Cats', 'interlude', undefined, 'Omake: Cats', 'omake-cats'],
    // Numbered, as serials have several interludes (Worm's "Interlude 3½") and some two epilogues: each its own address.
    ['Interlude 2: Lisa', 'interlude', undefined, 'Interlude 2: Lisa', 'interlude-2-lisa'],
    ['INTERLUDE 2', 'interlude', undefined, 'Interlude 2', 'interlude-2'],
    ['Interlude 3½', 'interlude', undefined, 'Interlude 3½', 'interlude-3½'],
    // Worm's and Ward's "Interlude 1.x": the point is the number's, not a separator before a name; a name in brackets after a space.
    ['Interlude 1.x', 'interlude', undefined, 'Interlude 1.x', 'interlude-1-x'],
    ['Interlude 3½ (Bonus)', 'interlude', undefined, 'Interlude 3½ (Bonus)', 'interlude-3½-bonus'],
    ['Prologue (Revised)', 'prologue', undefined, 'Prologue (Revised)', 'prologue'],
    // A chapter split in parts: after chapter 7 and before 7.1, addressed as written.
    ['Chapter 7b', 'chapter', 7.02, 'Chapter 7b', 'chapter-7b'],
    ['Chapter 7A: The Other Side', 'chapter', 7.01, 'Chapter 7A: The Other Side', 'chapter-7a'],
    // Or its parts named: after chapter 7 and before 8, each its own address, in the site's form.
    ['Chapter 7, Part 2', 'chapter', 7.02, 'Chapter 7, Part 2', 'chapter-7-part-2'],
    ['Chapter 7 part 1', 'chapter', 7.01, 'Chapter 7, Part 1', 'chapter-7-part-1'],
    ['Chapter 12 (Part 2)', 'chapter', 12.02, 'Chapter 12, Part 2', 'chapter-12-part-2'],
    ['Ch. 3 Pt. II - Arrival', 'chapter', 3.02, 'Chapter 3, Part 2: Arrival', 'chapter-3-part-2'],
    ['Chapter Seven - Part Three', 'chapter', 7.03, 'Chapter 7, Part 3', 'chapter-7-part-3'],
    ['Epilogue, Part 2', 'epilogue', undefined, 'Epilogue, Part 2', 'epilogue-part-2'],
    // A last chapter its author did not number.
    ['Final Chapter', 'chapter', undefined, 'Final Chapter', 'final-chapter'],
    ['The Last Chapter - Home', 'chapter', undefined, 'The Last Chapter: Home', 'the-last-chapter'],
    ['Capítulo final', 'chapter', undefined, 'Capítulo final', 'capitulo-final'],
    ['Prologue (Part 1)', 'prologue', undefined, 'Prologue (Part 1)', 'prologue-part-1'],
    // After a colon, the chapter's name, as AO3 titles the seventh chapter its author named "Part 2".
    ['Chapter 7: Part 2', 'chapter', 7, 'Chapter 7: Part 2', 'chapter-7'],
    // Short forms of the label, as authors type them: in the site's form.
    ['Chp 4', 'chapter', 4, 'Chapter 4', 'chapter-4'],
    ['Chap 5: The Lake', 'chapter', 5, 'Chapter 5: The Lake', 'chapter-5'],
    ['Kapitel 4 Teil 2', 'chapter', 4.02, 'Kapitel 4, Teil 2', 'chapter-4-part-2'],
    ['Глава 3, часть 2', 'chapter', 3.02, 'Глава 3, Часть 2', 'chapter-3-part-2'],
    // A name that only starts with the word is a name.
    ['Chapter 3: Part of the Plan', 'chapter', 3, 'Chapter 3: Part of the Plan', 'chapter-3'],
    ['Chapter 7 Parting Ways', 'chapter', 7, 'Chapter 7: Parting Ways', 'chapter-7'],
    ['Epilogue II', 'epilogue', undefined, 'Epilogue II', 'epilogue-ii'],
    ['Side Story 2: The Ball', 'interlude', undefined, 'Side Story 2: The Ball', 'side-story-2-the-ball'],
    ['Sidestory: Taylor', 'interlude', undefined, 'Sidestory: Taylor', 'sidestory-taylor'],
    ['Special Chapter: Winter', 'interlude', undefined, 'Special Chapter: Winter', 'special-chapter-winter'],
    ['Эпилог', 'epilogue', undefined, 'Эпилог', 'epilogue'],
    ['Kapitola 3: Jezero', 'chapter', 3, 'Kapitola 3: Jezero', 'chapter-3'],
    ['Luku 2', 'chapter', 2, 'Luku 2', 'chapter-2'],
    ['Κεφάλαιο 5: Η λίμνη', 'chapter', 5, 'Κεφάλαιο 5: Η λίμνη', 'chapter-5'],
    ['Poglavlje 4', 'chapter', 4, 'Poglavlje 4', 'chapter-4'],
    ['Poglavje 3: Jezero', 'chapter', 3, 'Poglavje 3: Jezero', 'chapter-3'],
    ['Skyrius 2', 'chapter', 2, 'Skyrius 2', 'chapter-2'],
    ['1. nodaļa: Jūra', 'chapter', 1, '1. nodaļa: Jūra', 'chapter-1'],
    ['3. peatükk', 'chapter', 3, '3. peatükk', 'chapter-3'],
    ['2. kafli', 'chapter', 2, '2. kafli', 'chapter-2'],
    ['Sura ya 1', 'chapter', 1, 'Sura ya 1', 'chapter-1'],
    ['თავი 1', 'chapter', 1, 'თავი 1', 'chapter-1'],
    ['Գլուխ 2', 'chapter', 2, 'Գլուխ 2', 'chapter-2'],
    ['باب ۱: سمندر', 'chapter', 1, 'باب ۱: سمندر', 'chapter-1'],
    ['অধ্যায় ১: সমুদ্র', 'chapter', 1, 'অধ্যায় ১: সমুদ্র', 'chapter-1'],
    ['அத்தியாயம் 3: கடல்', 'chapter', 3, 'அத்தியாயம் 3: கடல்', 'chapter-3'],
    ['Utangulizi', 'prologue', undefined, 'Utangulizi', 'prologue'],
    ['Capitolul 6', 'chapter', 6, 'Capitolul 6', 'chapter-6'],
    ['Capítol 1', 'chapter', 1, 'Capítol 1', 'chapter-1'],
    ['Kabanata 8', 'chapter', 8, 'Kabanata 8', 'chapter-8'],
    ['अध्याय 3: झील', 'chapter', 3, 'अध्याय 3: झील', 'chapter-3'],
    // A short form several languages share stays as written: which language's label it stands for, the line does not say.
    ['Cap. 2', 'chapter', 2, 'Cap. 2', 'chapter-2'],
    ['kap. 2', 'chapter', 2, 'Kap. 2', 'chapter-2'],
    ['Ch. 2', 'chapter', 2, 'Chapter 2', 'chapter-2'],
    // A word spelled out ("Chuong" → "Chương"), never another word put in its place: "Lời mở đầu" is no "Mở đầu", "پیشگفتار" no "پیش‌درآمد".
    ['Chuong 4', 'chapter', 4, 'Chương 4', 'chapter-4'],
    ['Capitulo 4', 'chapter', 4, 'Capítulo 4', 'chapter-4'],
    ['Lời mở đầu', 'prologue', undefined, 'Lời mở đầu', 'prologue'],
    ['پیشگفتار', 'prologue', undefined, 'پیشگفتار', 'prologue'],
    ['تمهيد', 'prologue', undefined, 'تمهيد', 'prologue'],
    ['ปัจฉิมบท', 'epilogue', undefined, 'ปัจฉิมบท', 'epilogue'],
    ['Kapitlet 2', 'chapter', 2, 'Kapitlet 2', 'chapter-2'],
    // A name after the number and a space alone.
    ['Chapter 3 The Lake', 'chapter', 3, 'Chapter 3: The Lake', 'chapter-3'],
    ['Глава 3 Буря', 'chapter', 3, 'Глава 3: Буря', 'chapter-3'],
    ['บทที่ 1 การมาถึง', 'chapter', 1, 'บทที่ 1: การมาถึง', 'chapter-1'],
    ['ตอนที่ 12: ประภาคาร', 'chapter', 12, 'ตอนที่ 12: ประภาคาร', 'chapter-12'],
    ['บทนำ', 'prologue', undefined, 'บทนำ', 'prologue'],
    ['บทส่งท้าย', 'epilogue', undefined, 'บทส่งท้าย', 'epilogue'],
    // Numbers in words, in the label's own language.
    ['Capítulo uno', 'chapter', 1, 'Capítulo 1', 'chapter-1'],
    ['Capítulo veintidós: La noche', 'chapter', 22, 'Capítulo 22: La noche', 'chapter-22'],
    ['Chapitre dix-sept - Le lac', 'chapter', 17, 'Chapitre 17\u00a0: Le lac', 'chapter-17'],
    ['Capitolo Otto', 'chapter', 8, 'Capitolo 8', 'chapter-8'],
    ['Kapitel zwölf', 'chapter', 12, 'Kapitel 12', 'chapter-12'],
    ['Глава первая', 'chapter', 1, 'Глава 1', 'chapter-1'],
    ['Rozdział drugi. Noc', 'chapter', 2, 'Rozdział 2: Noc', 'chapter-2'],
    ['Розділ п’ятий', 'chapter', 5, 'Розділ 5', 'chapter-5'],
    ['الفصل الأول: البداية', 'chapter', 1, 'الفصل 1: البداية', 'chapter-1'],
    ['الفصل الثاني عشر', 'chapter', 12, 'الفصل 12', 'chapter-12'],
    ['Bab Satu', 'chapter', 1, 'Bab 1', 'chapter-1'],
    ['פרק ראשון', 'chapter', 1, 'פרק 1', 'chapter-1'],
    ['فصل اول', 'chapter', 1, 'فصل 1', 'chapter-1'],
    ['فصل دوازدهم: دریا', 'chapter', 12, 'فصل 12: دریا', 'chapter-12'],
    // Or in Hebrew letters, as Hebrew books number chapters: marked (geresh, gershayim, or the ASCII marks typed for them), or one letter alone.
    ['פרק א׳', 'chapter', 1, 'פרק 1', 'chapter-1'],
    ['פרק י״ב: האור', 'chapter', 12, 'פרק 12: האור', 'chapter-12'],
    ['פרק ט"ו - הים', 'chapter', 15, 'פרק 15: הים', 'chapter-15'],
    ["פרק ג' - הסוף", 'chapter', 3, 'פרק 3: הסוף', 'chapter-3'],
    ['פרק ק״כ', 'chapter', 120, 'פרק 120', 'chapter-120'],
    ['פרק ה', 'chapter', 5, 'פרק 5', 'chapter-5'],
    // The number first, as an ordinal, as Hungarian, German, Czech and Turkish titles write it: the word order kept.
    ['1. fejezet: Kezdet', 'chapter', 1, '1. fejezet: Kezdet', 'chapter-1'],
    ['3. Kapitel – Der See', 'chapter', 3, '3. Kapitel: Der See', 'chapter-3'],
    ['12. kapitola', 'chapter', 12, '12. kapitola', 'chapter-12'],
    ['2. Bölüm', 'chapter', 2, '2. Bölüm', 'chapter-2'],
    // Or in words, as classic German, Dutch, Scandinavian and Finnish novels number their chapters.
    ['Erstes Kapitel', 'chapter', 1, 'Erstes Kapitel', 'chapter-1'],
    ['ZWÖLFTES KAPITEL. Die Reise', 'chapter', 12, 'ZWÖLFTES KAPITEL: Die Reise', 'chapter-12'],
    ['Eerste hoofdstuk', 'chapter', 1, 'Eerste hoofdstuk', 'chapter-1'],
    ['Andra kapitlet', 'chapter', 2, 'Andra kapitlet', 'chapter-2'],
    ['Andet kapitel', 'chapter', 2, 'Andet kapitel', 'chapter-2'],
    ['Tredje kapittel', 'chapter', 3, 'Tredje kapittel', 'chapter-3'],
    ['Ensimmäinen luku', 'chapter', 1, 'Ensimmäinen luku', 'chapter-1'],
    ['İkinci Bölüm', 'chapter', 2, 'İkinci Bölüm', 'chapter-2'],
    ['BİRİNCİ BÖLÜM: Yolculuk', 'chapter', 1, 'BİRİNCİ BÖLÜM: Yolculuk', 'chapter-1'],
    // A volume's, book's or part's number first, as web novels number their chapters anew in each: placed where the story has them, addressed by the label.
    ['Volume 2, Chapter 15: The Duel', 'chapter', undefined, 'Volume 2, Chapter 15: The Duel', 'volume-2-chapter-15'],
    ['Book 1 - Chapter 3', 'chapter', undefined, 'Book 1 - Chapter 3', 'book-1-chapter-3'],
    ['Vol. 3 Ch. 12', 'chapter', undefined, 'Vol. 3 Ch. 12', 'vol-3-ch-12'],
    ['Том 2, Глава 1: Север', 'chapter', undefined, 'Том 2, Глава 1: Север', 'том-2-глава-1'],
    ['Tom 2, Rozdział 3: Północ', 'chapter', undefined, 'Tom 2, Rozdział 3: Północ', 'tom-2-rozdział-3'],
    ['Quyển 1 Chương 5: Trở về', 'chapter', undefined, 'Quyển 1 Chương 5: Trở về', 'quyen-1-chuong-5'],
    ['第一卷 第三章 归来', 'chapter', undefined, '第一卷 第三章 归来', '第一卷-第三章'],
    ['第一部 第三話 帰還', 'chapter', undefined, '第一部 第三話 帰還', '第一部-第三話'],
    ['제1권 제3장 귀환', 'chapter', undefined, '제1권 제3장 귀환', '제1권-제3장'],
    // A name in brackets after the number keeps its space: no colon before a bracket.
    ['Chapter 15 (Volume 2): The Duel', 'chapter', 15, 'Chapter 15 (Volume 2): The Duel', 'chapter-15'],
    // A language's own word for a chapter, never another language's: Persian فصل, not Arabic الفصل.
    ['فصل ۱: آغاز', 'chapter', 1, 'فصل ۱: آغاز', 'chapter-1'],
    ['Kapittel 4: Fjorden', 'chapter', 4, 'Kapittel 4: Fjorden', 'chapter-4'],
    // Digits of the story's own script stay as written.
    ['الفصل ١٢: البحر', 'chapter', 12, 'الفصل ١٢: البحر', 'chapter-12'],
    ['अध्याय ३: झील', 'chapter', 3, 'अध्याय ३: झील', 'chapter-3'],
    ['บทที่ ๕', 'chapter', 5, 'บทที่ ๕', 'chapter-5'],
  ])('reads "%s"', (line, kind, number, title, slug) => {
    expect(parseTitleLine(line)).toEqual({ kind, number, title, slug, written: line.trim() });
  });

  it.each([
    // Put in the site's form: the author is told the heading as they wrote it.
    ['CHAPTER ONE\n\nIt rained.', 'Chapter 1', 'CHAPTER ONE'],
    ['Kapitel drei – Der Wald\n\nEs schneite.', 'Kapitel 3: Der Wald', 'Kapitel drei – Der Wald'],
    ['Глава 1. Дорога\n\nОн шёл.', 'Глава 1: Дорога', 'Глава 1. Дорога'],
    ['Chapter XII\n\nThe lamps went out.', 'Chapter 12', 'Chapter XII'],
    ['CHAPTER I.\nA WEDDING\n\nThey married.', 'Chapter 1: A WEDDING', 'CHAPTER I. / A WEDDING'],
    // As written, or differing only in spacing and the marks around it: nothing to tell.
    ['Chapter 3: The Lake\n\nIt froze.', 'Chapter 3: The Lake', undefined],
    ['Chapter  3:  The Lake\n\nIt froze.', 'Chapter 3: The Lake', undefined],
    ['**Chapter 4**\n\nIt thawed.', 'Chapter 4', undefined],
    ['第三章 灯塔\n\n夜。', '第三章 灯塔', undefined],
  ])('tells where the title reads otherwise than the heading written: %j', async (text, title, heading) => {
    const { chapter } = await importText(text);
    expect(chapter.title).toBe(title);
    expect(chapter.heading).toBe(heading);
  });

  it('tells nothing of a title made from a file’s name, which is no heading of the author’s', async () => {
    const { chapter } = await importText('The rain came down all night.', 'chapter-7');
    expect(chapter.title).toBe('Chapter 7');
    expect(chapter.heading).toBeUndefined();
  });

  it('reads a web novel whose chapters are numbered anew in each volume as its chapters in the order written, none overwriting another', async () => {
    const text = [
      'Volume 1, Chapter 1: The Start',
      'It began.',
      'Volume 1, Chapter 2',
      'It went on.',
      'Volume 2, Chapter 1: The North',
      'Cold now.',
    ].join('\n\n');
    const { plan } = await importText(text, 'novel');
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map(({ slug, order, title }) => [slug, order, title])).toEqual([
      ['volume-1-chapter-1', 1, 'Volume 1, Chapter 1: The Start'],
      ['volume-1-chapter-2', 2, 'Volume 1, Chapter 2'],
      ['volume-2-chapter-1', 3, 'Volume 2, Chapter 1: The North'],
    ]);
  });

  it('reads a novel in parts: each part’s heading names the part its first chapter opens, chapters numbered anew addressed under their part', async () => {
    const text = [
      'The Long Road',
      'by Writerly',
      'PART ONE: THE COAST',
      'Chapter 1: Harbour',
      'She walked to the harbour.',
      'Chapter 2: Boats',
      'The boats were out.',
      'PART TWO: THE HILLS',
      'Chapter 1: Climb',
      'The path went up.',
      'Chapter 2: Summit',
      'At the top, the wind. Part two of the plan was simple.',
    ].join('\n\n');
    const { plan, work } = await importText(text, 'novel');
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(work.story).toMatchObject({ title: 'The Long Road', author: 'Writerly' });
    expect(plan.chapters.map(({ slug, order, title }) => [slug, order, title])).toEqual([
      ['chapter-1', 1, 'Chapter 1: Harbour'],
      ['chapter-2', 2, 'Chapter 2: Boats'],
      ['part-two-chapter-1', 3, 'Chapter 1: Climb'],
      ['part-two-chapter-2', 4, 'Chapter 2: Summit'],
    ]);
    expect(plan.chapters.map((chapter) => [parseContentFile(chapter.text).front.part, parseContentFile(chapter.text).body])).toEqual([
      ['PART ONE: THE COAST', 'She walked to the harbour.'],
      [undefined, 'The boats were out.'],
      ['PART TWO: THE HILLS', 'The path went up.'],
      [undefined, 'At the top, the wind. Part two of the plan was simple.'],
    ]);
  });

  it.each([
    ['Hebrew', ['חלק א׳: הצפון', 'פרק 1', 'פרק 2', 'חלק ב׳: הדרום', 'פרק 3']],
    ['Arabic', ['الجزء الأول', 'الفصل 1', 'الفصل 2', 'الجزء الثاني', 'الفصل 3']],
    ['Persian', ['بخش اول: شمال', 'فصل 1', 'فصل 2', 'بخش دوم: جنوب', 'فصل 3']],
    ['Thai', ['ภาคที่ 1', 'บทที่ 1', 'บทที่ 2', 'ภาคที่ 2', 'บทที่ 3']],
    // The ordinal after the part's word, agreeing with it, as Italian, Spanish and Polish may write it.
    ['Italian', ['Parte prima', 'Capitolo 1', 'Capitolo 2', 'Parte seconda', 'Capitolo 3']],
    ['Spanish', ['Parte primera', 'Capítulo 1', 'Capítulo 2', 'Parte segunda', 'Capítulo 3']],
    ['Polish', ['Część pierwsza', 'Rozdział 1', 'Rozdział 2', 'Część druga', 'Rozdział 3']],
    // Turkish ordinals before the word, with the dotted capital İ no case folding makes an i, and in capitals.
    ['Turkish', ['Birinci Kısım', 'Birinci Bölüm', 'İkinci Bölüm', 'İKİNCİ KISIM', 'Üçüncü Bölüm']],
  ])(
    'reads a novel in parts in %s, each part’s heading naming the part its first chapter opens',
    async (_, [one, first, second, two, third]) => {
      const text = [one, first, 'Text one.', second, 'Text two.', two, third, 'Text three.'].join('\n\n');
      const { plan } = await importText(text, 'novel');
      expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
      expect(plan.chapters.map((chapter) => [chapter.title, chapter.part, parseContentFile(chapter.text).body])).toEqual([
        [first, one, 'Text one.'],
        [second, undefined, 'Text two.'],
        [third, two, 'Text three.'],
      ]);
    },
  );

  it('reads a Chinese web novel’s volumes, each naming the part of the chapters numbered anew under it', async () => {
    const text = ['第一卷 南方', '第1章 出发', '他走了。', '第2章 海边', '海很大。', '第二卷 北方', '第1章 归来', '天冷了。'].join('\n\n');
    const { plan } = await importText(text, 'novel');
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => [chapter.slug, chapter.order, chapter.part, parseContentFile(chapter.text).body])).toEqual([
      ['chapter-1', 1, '第一卷 南方', '他走了。'],
      ['chapter-2', 2, undefined, '海很大。'],
      ['part-2-chapter-1', 3, '第二卷 北方', '天冷了。'],
    ]);
    // Parts as 第一部 (which alone would title a chapter) over chapters: never a table of contents with the chapter below.
    const parts = await importText(text.replace('第一卷 南方', '第一部').replace('第二卷 北方', '第二部'), 'novel');
    expect(parts.work.dropped).toEqual([]);
    expect(parts.plan.chapters.map((chapter) => [chapter.slug, chapter.part, parseContentFile(chapter.text).body])).toEqual([
      ['chapter-1', '第一部', '他走了。'],
      ['chapter-2', undefined, '海很大。'],
      ['part-2-chapter-1', '第二部', '天冷了。'],
    ]);
  });

  it('reads a Korean novel’s parts (제1부) over chapters numbered anew as parts, and alone as chapters', async () => {
    const text = [
      '제1부 남쪽',
      '제1장 출발',
      '그는 떠났다.',
      '제2장 바다',
      '바다는 넓었다.',
      '제2부 북쪽',
      '제1장 귀환',
      '날씨가 추웠다.',
    ].join('\n\n');
    const { plan } = await importText(text, 'novel');
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => [chapter.slug, chapter.title, chapter.part, parseContentFile(chapter.text).body])).toEqual([
      ['chapter-1', '제1장 출발', '제1부 남쪽', '그는 떠났다.'],
      ['chapter-2', '제2장 바다', undefined, '바다는 넓었다.'],
      ['part-2-chapter-1', '제1장 귀환', '제2부 북쪽', '날씨가 추웠다.'],
    ]);
    const alone = await importText(['제1부', '그는 떠났다.', '제2부', '날씨가 추웠다.'].join('\n\n'), 'novel');
    expect(alone.plan.chapters.map((chapter) => [chapter.title, chapter.part])).toEqual([
      ['제1부', undefined],
      ['제2부', undefined],
    ]);
  });

  it.each([
    ['灯塔', '作者：林', '林'],
    ['등대', '지은이: 김하나', '김하나'],
    ['Маяк', 'Автор: Анна', 'Анна'],
    ['The Glass Lamp', 'Anna Petrova', 'Anna Petrova'],
    ['Смотритель маяка', 'Анна Петрова', 'Анна Петрова'],
    ['The Glass Lamp', 'J. R. Hartley', 'J. R. Hartley'],
  ])('reads the title page “%s / %s” above a whole story as its title and author', async (title, byline, author) => {
    const text = [title, byline, 'Chapter 1', 'One.', 'Chapter 2', 'Two.'].join('\n\n');
    const { work, plan } = await importText(text, 'story');
    expect(work.story).toMatchObject({ title, author });
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
  });

  it.each([
    ['Part 1', 'Part 2', 'part-1', 'part-2'],
    ['Part One: The Coast', 'Part Two: The Hills', 'part-one', 'part-two'],
  ])('reads a text divided into parts alone (“%s”, “%s”), as a two-shot is, a chapter at each', async (one, two, first, second) => {
    const { work, plan } = await importText(
      ['A Two-Shot', 'by Wren', one, 'She walked.', two, 'The boats were out.'].join('\n\n'),
      'story',
    );
    expect(work.story).toMatchObject({ title: 'A Two-Shot', author: 'Wren' });
    expect(plan.chapters.map(({ slug, order, title }) => [slug, order, title])).toEqual([
      [first, 1, one],
      [second, 2, two],
    ]);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
  });

  it('addresses chapters numbered anew under a volume by the volume’s label, not the first word of it', async () => {
    const text = ['Vol. 1', 'Chapter 1', 'It began.', 'Vol. 2: The North', 'Chapter 1', 'Cold now.'].join('\n\n');
    const { plan } = await importText(text, 'novel');
    expect(plan.chapters.map(({ slug, order }) => [slug, order])).toEqual([
      ['chapter-1', 1],
      ['vol-2-chapter-1', 2],
    ]);
  });

  it('takes a 140-character chapter title, as real serials have', () => {
    const name =
      'In Which Our Heroine Descends Five Cellars, Loses a Shoe, Finds a Lamp, and Learns Rather More About Opera Ghosts Than She Ever Wanted';
    expect(name.length).toBeGreaterThan(120);
    expect(parseTitleLine(`Chapter 9: ${name}`)).toMatchObject({ number: 9, title: `Chapter 9: ${name}` });
  });

  it.each([
    'The opera house was quiet.',
    'Chapters of my life were long',
    'Chapter',
    'Prologues are hard to write, she said.',
    'Chapter many',
    // A sentence that starts with a chapter and its number: lower case after it, or a sentence's end.
    'Chapter 12 of the rulebook said nothing about it, and she knew',
    'Chapter 3 Was the longest.',
    'Episode 3 was the best.',
    'Chapter 7 part of the story was dull',
    'Chapter 7 Part 2 was long.',
    'Chap 4 was long.',
    'Final chapter of the book was dull',
    // A list's item that starts with a number and a chapter word, running on as prose.
    '2. Kapitel lesen wir morgen',
    'Erstes Kapitel lesen wir morgen',
    'Andra kapitlet handlar om havet',
    'Book 3 chapter 2 was the dullest of them all',
    // Prose that opens with such a word, run on as CJK prose is.
    '閑話休題、話を戻そう。',
    '序章が始まった。',
    '1話まで読んだ。',
    '【お知らせ】更新',
    '[Chapter 1] the lamp was lit.',
    // A number word of another language than the label's is a name, not a number.
    'Chapter Otto',
    'Capítulo uno de muchos',
    // Hebrew letters unmarked are a word, not a number ("פרק אב": a chapter of Av?).
    'פרק אב',
  ])('does not take "%s" for a title', (line) => {
    expect(parseTitleLine(line)).toBeUndefined();
  });

  it('reads number words, roman numerals and Chinese numerals', () => {
    expect(['one', 'Nineteen', 'forty-two', 'XII', '7', '４', '十二', '二十一', '一百零五'].map(parseNumber)).toEqual([
      1, 19, 42, 12, 7, 4, 12, 21, 105,
    ]);
    expect(['א׳', 'י״ב', 'ט״ו', 'כ"ג', 'ת״ק'].map(parseNumber)).toEqual([1, 12, 15, 23, 500]);
    expect(parseNumber('many')).toBeUndefined();
  });

  it('titles a contents entry numbered before its name under the chapter label of the book’s language', () => {
    const titles = ['en', 'de', 'fr', 'ru', 'hu', 'zh-Hans', 'ja', 'ko', 'pt-BR', 'xx'].map(
      (language) => numberedEntry('3. Flame', language)?.title,
    );
    expect(titles).toEqual([
      'Chapter 3: Flame',
      'Kapitel 3: Flame',
      'Chapitre 3\u00a0: Flame',
      'Глава 3: Flame',
      '3. fejezet: Flame',
      '第3章 Flame',
      '第3章 Flame',
      '제3장 Flame',
      'Capítulo 3: Flame',
      'Chapter 3: Flame',
    ]);
    expect(numberedEntry('12.', 'de')).toMatchObject({ kind: 'chapter', number: 12, title: 'Kapitel 12', slug: 'chapter-12' });
    // A title that numbers its chapter first is the author's, not a menu's number before a name.
    expect(numberedEntry('1. Kapitel', 'de')).toMatchObject({ number: 1, title: '1. Kapitel', slug: 'chapter-1' });
    expect(numberedEntry('2. fejezet: Kezdet', 'hu')).toMatchObject({ number: 2, title: '2. fejezet: Kezdet' });
    // A name that is a title line of its own keeps it.
    expect(numberedEntry('3. Prolog', 'de')?.title).toBe('Prolog');
  });

  it('slugifies titles without accents or punctuation', () => {
    expect(slugify('Interlude: Daaé’s Letters!')).toBe('interlude-daaes-letters');
  });
});

describe('one chapter-title grammar, read alike by the site and the importer', () => {
  it.each([
    ['Chapter 12: The Mask', 'Chapter 12', 'The Mask'],
    ['Ch. 12 - Title', 'Ch. 12', 'Title'],
    ['Chapter twenty-one - Below', 'Chapter twenty-one', 'Below'],
    ['Interlude: Letters & Lies', 'Interlude', 'Letters & Lies'],
    ['Глава 3. Озеро', 'Глава 3', 'Озеро'],
    ['第十二章：归来', '第十二章', '归来'],
    ['エピローグ：その後', 'エピローグ', 'その後'],
    ['1. fejezet: Kezdet', '1. fejezet', 'Kezdet'],
    ['3. Kapitel – Der See', '3. Kapitel', 'Der See'],
    ['Zweites Kapitel. Die Reise', 'Zweites Kapitel', 'Die Reise'],
    ['Volume 2, Chapter 15: The Duel', 'Volume 2, Chapter 15', 'The Duel'],
    ['第2卷 第1章：北方', '第2卷 第1章', '北方'],
    // A dash typed as two hyphens, as plain text writes one, and a tilde, as fan works often set one.
    ['Chapter 1 -- The Start', 'Chapter 1', 'The Start'],
    ['Chapter 2 ~ The Boat', 'Chapter 2', 'The Boat'],
    ['Book 1 -- Chapter 3 -- The Duel', 'Book 1 -- Chapter 3', 'The Duel'],
    ['פרק י״ב: האור', 'פרק י״ב', 'האור'],
  ])('"%s": where the importer finds a title line, the site sets label "%s" apart from "%s"', (line, label, name) => {
    expect(parseTitleLine(line)).toBeDefined();
    expect(titleParts(line)).toMatchObject({ label, name });
    // And the title the importer writes splits the same way.
    expect(titleParts(parseTitleLine(line)!.title).name).toBe(name);
  });

  it('sets apart a label numbered in words, which the importer cannot file under a number', () => {
    expect(titleParts('Chapter the First: A Storm')).toEqual({ label: 'Chapter the First', separator: ': ', name: 'A Storm' });
    expect(readTitle('Chapter the First: A Storm')?.form).toBe('worded');
    expect(parseTitleLine('Chapter the First: A Storm')).toBeUndefined();
  });

  it('gives each number word one value wherever languages share a chapter label ("Cap.", "Kapitel", "Глава")', () => {
    for (const words of Object.values(languages))
      for (const label of words.chapter)
        words.numbers?.forEach((spellings, index) => {
          for (const word of spellings.split('|')) {
            expect(namedNumber(label, word), `${label} ${word}`).toBe(index + 1);
            expect(titleParts(`${label} ${word}: The Lake`)).toMatchObject({ label: `${label} ${word}`, name: 'The Lake' });
          }
        });
  });

  it('reads a long line as a title only when it has a chapter number', () => {
    const long = 'x'.repeat(300);
    expect(parseTitleLine(`Chapter 7: ${long}`)).toMatchObject({ number: 7 });
    expect(parseTitleLine(`Prologue: ${long}`)).toBeUndefined();
    expect(titleParts(`Prologue: ${long}`).label).toBe('Prologue');
    expect(readTitle(`Prologue: ${'x'.repeat(1000)}`)).toBeUndefined();
  });

  it('reads a line with a long run of spaces at once (a hostile file must not hang the import or the build)', () => {
    // Trying every split of the spaces would take minutes here; the test's time limit is 5 s.
    const line = `Chapter 1: a${' '.repeat(200_000)}b`;
    expect(titleParts(line).label).toBe('Chapter 1');
    expect(parseTitleLine(line)?.number).toBe(1);
  });

  it('takes no prose for a title', () => {
    for (const line of ['The opera house was quiet.', 'Chapters of my life were long', 'Prologues are hard to write, she said.'])
      expect([readTitle(line), titleParts(line).label]).toEqual([undefined, undefined]);
  });
});

describe('part headings', () => {
  it.each([
    ['PART TWO: THE HILLS', 'PART TWO'],
    ['Zweiter Teil', 'Zweiter Teil'],
    ['Μέρος 2', 'Μέρος 2'],
    ['2. rész', '2. rész'],
    ['भाग 2', 'भाग 2'],
    ['Časť 2', 'Časť 2'],
    ['Dio 2: Otok', 'Dio 2'],
    ['Partea 2', 'Partea 2'],
    ['Llibre 2', 'Llibre 2'],
    ['Део 2', 'Део 2'],
  ])('reads "%s" as the heading of a part', (line, label) => {
    expect(volumeLabel(line)).toBe(label);
  });

  it.each(['Parting was hard.', 'Diogenes 2', 'Μέρος του κόσμου'])('never reads "%s" as one', (line) => {
    expect(volumeLabel(line)).toBeUndefined();
  });
});

describe('note labels', () => {
  it.each([
    ["Author's Note: hi", "Author's Note: "],
    ['A/N: hi', 'A/N: '],
    ['AN - hi', 'AN - '],
    ['N/A: gracias', 'N/A: '],
    ['Nota de la autora: gracias', 'Nota de la autora: '],
    ['Nota do autor: obrigado', 'Nota do autor: '],
    ["Note de l'autrice : merci", "Note de l'autrice : "],
    ['Примечание автора: спасибо', 'Примечание автора: '],
    ['作者的话：谢谢', '作者的话：'],
    // A woman's note where the language says so.
    ['Примітка авторки: дякую', 'Примітка авторки: '],
    ['Ghi chú của tác giả: cảm ơn', 'Ghi chú của tác giả: '],
  ])('finds the label of "%s"', (line, label) => {
    expect(noteLabel(line)).toBe(label);
  });

  it.each(['An-Mei walked home.', 'And then.', 'Anne: hello.', 'Annotations were everywhere.', 'AN-Mei'])(
    'never cuts into "%s"',
    (line) => {
      expect(noteLabel(line)).toBeUndefined();
    },
  );
});

describe('plain text', () => {
  it.each(["Author's Note:", 'AUTHOR’S NOTE -', 'A/N:', 'a/n:', 'AN:', 'Authors Note:'])(
    'takes a note labelled "%s" at the top',
    async (label) => {
      const { front, body } = await importText(`${label} Hello there.\n\nChapter 1\n\nText.`);
      expect(front.authorsNote).toBe('Hello there.');
      expect(body).toBe('Text.');
    },
  );

  it('keeps unlabelled paragraphs above the title line as the author’s note, and says so', async () => {
    const { front, body, work } = await importText(
      "Disclaimer: I don't own Phantom.\n\nBeta'd by Rosalind.\n\nChapter 3: The Lake\n\nThe water was black.",
    );
    expect(front).toMatchObject({
      title: 'Chapter 3: The Lake',
      order: 3,
      authorsNote: "Disclaimer: I don't own Phantom.\n\nBeta'd by Rosalind.",
    });
    expect(body).toBe('The water was black.');
    expect(work.notices.join('\n')).toMatch(/2 paragraphs above the title line as the author's note|paragraphs above the title line/);
  });

  it('reads a whole story in one file as a chapter at each title line, the notes at the top and the end kept with the first and the last', async () => {
    const text = [
      'A/N: Thanks for waiting.',
      'Глава 1. Приезд',
      'Она пришла в дом.',
      '* * *',
      'Ночью шёл дождь.',
      'Глава 2. Буря',
      'Ветер выл всю ночь.',
      'Epilogue',
      'Утро.',
      'A/N: The end!',
    ].join('\n\n');
    const work = readText(text, 'story.txt', 'story');
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    const files = plan.chapters.map((chapter) => ({ slug: chapter.slug, ...parseContentFile(chapter.text) }));
    expect(files.map(({ slug, front, body }) => [slug, front.title, body])).toEqual([
      ['chapter-1', 'Глава 1: Приезд', 'Она пришла в дом.\n\n* * *\n\nНочью шёл дождь.'],
      ['chapter-2', 'Глава 2: Буря', 'Ветер выл всю ночь.'],
      ['epilogue', 'Epilogue', 'Утро.'],
    ]);
    expect(files[0]!.front.authorsNote).toBe('Thanks for waiting.');
    expect(files[2]!.front.endNote).toBe('The end!');
    expect(work.notices).toContain('read a chapter at each of the 3 title lines');
  });

  it.each([
    ['ONE', 'TWO', 'THREE'],
    ['1', '2.', '— 3 —'],
    ['I', 'II', 'III'],
    // Or by their number and a name, as fan works often are.
    ['1 - The Lamp', '2. The Door', 'III: Out'],
  ])(
    'reads a novel whose chapters are headed by their number alone or with a name (%s, %s, %s), titled as written',
    async (...headings) => {
      const text = [
        'The Lamp',
        'by Ada Quill',
        headings[0],
        'She came in.',
        headings[1],
        'She left.',
        '* * *',
        'Later.',
        headings[2],
        'The lamp went out.',
      ].join('\n\n');
      const work = readText(text, 'novel.txt', 'novel');
      const plan = await planImport(work, []);
      expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
      expect(
        plan.chapters.map((chapter) => [chapter.slug, parseContentFile(chapter.text).front.title, parseContentFile(chapter.text).body]),
      ).toEqual([
        ['chapter-1', headings[0], 'She came in.'],
        ['chapter-2', headings[1], 'She left.\n\n* * *\n\nLater.'],
        ['chapter-3', headings[2], 'The lamp went out.'],
      ]);
      expect(parseContentFile(plan.story!).front).toMatchObject({ title: 'The Lamp', author: 'Ada Quill' });
      expect(work.notices).toContain('read a chapter at each of the 3 numbered lines');
    },
  );

  it('reads numbered sentences on lines of their own (a list of rules) as text, not as chapters', async () => {
    const { body } = await importText(['Chapter 1', 'The rules:', '1. Never go out at night.', '2. Never trust the mirror.'].join('\n\n'));
    expect(body).toBe('The rules:\n\n1\\. Never go out at night.\n\n2\\. Never trust the mirror.');
    // Alone in a file, they title nothing: it has no title line, as before.
    const rules = ['1. Never go out at night.', 'She did.', '2. Never trust the mirror.', 'She did.'].join('\n\n');
    expect(() => readText(rules, 'rules.txt', 'rules')).toThrow(/rules\.txt: no title line found/);
  });

  it('reads numbers alone that are no sequence from 1, or a chapter file’s own numbered scenes, as text', async () => {
    const years = readText('1914\n\nThe war began.\n\n1918\n\nIt ended.', 'chapter-4.txt', 'chapter-4');
    expect(years.chapters).toHaveLength(1);
    const scenes = readText('1\n\nShe came in.\n\n2\n\nShe left.', 'chapter-5.txt', 'chapter-5');
    expect(scenes.chapters.map((chapter) => [chapter.number, chapter.title])).toEqual([[5, 'Chapter 5']]);
  });

  it.each([
    ['a line each, under “Contents”', ['Contents', 'Prologue\n\nChapter 1: Wick\n\nEpilogue']],
    ['in one block', ['TABLE OF CONTENTS:', 'Prologue\nChapter 1: Wick\nEpilogue']],
    ['with no heading', ['Prologue\n\nChapter 1: Wick\n\nEpilogue']],
  ])('leaves out a table of contents listed %s, its titles the chapters’ own, and says so', async (_, contents) => {
    const text = ['The Glass Lamp', ...contents, 'Prologue', 'Before.', 'Chapter 1: Wick', 'During.', 'Epilogue', 'After.'].join('\n\n');
    const work = readText(text, 'lamp.txt', 'lamp');
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    const files = plan.chapters.map((chapter) => parseContentFile(chapter.text));
    expect(files.map(({ front, body }) => [front.title, body])).toEqual([
      ['Prologue', 'Before.'],
      ['Chapter 1: Wick', 'During.'],
      ['Epilogue', 'After.'],
    ]);
    expect(work.dropped).toEqual(['the table of contents (3 titles; the site makes its own)']);
  });

  it('reads a title on the line under “CHAPTER I.” as the chapter’s, and a sentence there as its first paragraph', async () => {
    const work = readText(
      ['CHAPTER I.\nThe Lake', 'She swam.', 'Chapter 2\nShe slept at last.', 'Chapter 3\nTHE END.\nNothing more.'].join('\n\n'),
      'lake.txt',
      'lake',
    );
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => parseContentFile(chapter.text)).map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: The Lake', 'She swam.'],
      ['Chapter 2', 'She slept at last.'],
      ['Chapter 3: THE END.', 'Nothing more.'],
    ]);
  });

  it('reads a web novel’s text file: its header into story.md, a paragraph at each ideographic indent (kept, as the other formats keep it), titles that name their chapter kept apart from the text', async () => {
    const text =
      '书名：灯塔守护者\n作者：林\n\n第一章 灯塔\n\u3000\u3000她走进了灯塔。\n\u3000\u3000没有人回答她。\n\n第二章 海\n\u3000\u3000他守着这些灯。\n';
    const work = readText(text, 'novel.txt', 'novel');
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(parseContentFile(plan.story!).front).toMatchObject({ title: '灯塔守护者', author: '林' });
    expect(plan.chapters.map((chapter) => parseContentFile(chapter.text)).map(({ front, body }) => [front.title, body])).toEqual([
      ['第一章 灯塔', '\u3000\u3000她走进了灯塔。\n\n\u3000\u3000没有人回答她。'],
      ['第二章 海', '\u3000\u3000他守着这些灯。'],
    ]);
  });

  it.each([
    ['its summary after the label', '《灯塔守护者》\n作者：林\n\n内容简介：\n\u3000\u3000一个关于灯塔的故事。\n\n'],
    ['its summary in the block under the label', '《灯塔守护者》\n作者：林\n\n【文案】\n\n\u3000\u3000一个关于灯塔的故事。\n\n'],
  ])('reads a web novel’s header with its title in book-title marks, and %s, as story.md’s', async (_, header) => {
    const work = readText(
      `${header}第一章 灯塔\n\u3000\u3000她走进了灯塔。\n\n第二章 海\n\u3000\u3000他守着这些灯。\n`,
      'novel.txt',
      'novel',
    );
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    const story = parseContentFile(plan.story!);
    expect([story.front.title, story.front.author, story.body]).toEqual(['灯塔守护者', '林', '\u3000\u3000一个关于灯塔的故事。']);
    expect(
      plan.chapters.map((chapter) => parseContentFile(chapter.text)).map(({ front, body }) => [front.title, front.authorsNote, body]),
    ).toEqual([
      ['第一章 灯塔', undefined, '\u3000\u3000她走进了灯塔。'],
      ['第二章 海', undefined, '\u3000\u3000他守着这些灯。'],
    ]);
  });

  it('reads a text’s header of “Label: value” lines into story.md: title, author, its summary kept as the story’s, rating, status and tags; says what it left out', async () => {
    const work = readText(
      'Title: The Tower\nAuthor: Quill\nRating: Teen\nStatus: Complete\nTags: climbing, towers\nWords: 2,000\nSummary: A boy climbs a tower.\n\nChapter 1\n\nHe climbed.\n\nChapter 2\n\nHe fell.\n',
      'tower.txt',
      'tower',
    );
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    const story = parseContentFile(plan.story!);
    expect(story.front).toMatchObject({
      title: 'The Tower',
      author: 'Quill',
      rating: 'Teen',
      status: 'complete',
      tags: ['climbing', 'towers'],
    });
    expect(story.body).toBe('A boy climbs a tower.');
    expect(work.notices).toContain('read the header’s rating, status, tags into story.md');
    expect(work.dropped).toContain('the header’s “Words: 2,000”, which story.md has no field for');
    // A sentence opening with the word is no summary's label.
    const prose = readText(
      'Title: T\nAuthor: A\n\nDescription of the lighthouse follows.\n\nChapter 1\n\nText.\n\nChapter 2\n\nMore.\n',
      't.txt',
      't',
    );
    expect(prose.story?.summary).toBeUndefined();
  });

  it('reads a whole work’s dedication above its chapters as the story’s notes, and its acknowledgements after them as its end notes', async () => {
    const work = readText(
      'Title: Salt Road\nAuthor: Mira Voss\n\nDedication\n\nFor my mother.\n\nChapter 1\n\nThe first.\n\nChapter 2\n\nThe second.\n\nAcknowledgments\n\nThanks to my editor.\n',
      'salt-road.txt',
      'salt-road',
    );
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(parseContentFile(plan.story!).front).toMatchObject({
      notes: 'Dedication\n\nFor my mother.',
      endNotes: 'Acknowledgments\n\nThanks to my editor.',
    });
    expect(
      plan.chapters.map((chapter) => parseContentFile(chapter.text)).map(({ front, body }) => [front.title, front.authorsNote, body]),
    ).toEqual([
      ['Chapter 1', undefined, 'The first.'],
      ['Chapter 2', undefined, 'The second.'],
    ]);
  });

  it('reads paragraphs told by their indent, without blank lines between them; a poem set in all alike stays verse', async () => {
    // With a blank line under the title line, or none.
    for (const text of [
      'Chapter 1\n\n    She came in from the rain, and the lamp\nwas lit.\n    Nobody was there.\n    Nobody at all.',
      'Chapter 1\n    She came in from the rain, and the lamp\nwas lit.\n    Nobody was there.\n    Nobody at all.',
    ]) {
      const { front, body } = await importText(text);
      expect(front.title).toBe('Chapter 1');
      expect(body).toBe('She came in from the rain, and the lamp was lit.\n\nNobody was there.\n\nNobody at all.');
    }
    const poem = await importText('Chapter 2\n\n    The lamp is lit,\n    the sea is still,\n    and no one comes.');
    expect(poem.body).toBe(':::verse\nThe lamp is lit,\\\nthe sea is still,\\\nand no one comes.\n:::');
  });

  it.each(['\n\n', '\n'])(
    'reads a whole story’s title page (its title alone, “by” its author, apart by %j) into story.md, not into the first chapter’s note',
    async (between) => {
      const work = readText(
        ['The Glass Lamp' + between + 'by Ada Lovelace', 'Chapter 1', 'Before.', 'Chapter 2', 'After.'].join('\n\n'),
        'lamp.txt',
        'lamp',
      );
      const plan = await planImport(work, []);
      expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
      expect(parseContentFile(plan.story!).front).toMatchObject({ title: 'The Glass Lamp', author: 'Ada Lovelace' });
      expect(plan.chapters.map((chapter) => parseContentFile(chapter.text).front.authorsNote)).toEqual([undefined, undefined]);
    },
  );

  it('reads words between underscores as italics, as plain text writes them; an underscore inside a word stays', async () => {
    const { body } = await importText('Chapter 1\n\nShe was _quite_ sure of _two words_ and snake_case_name.');
    expect(body).toBe('She was *quite* sure of *two words* and snake_case_name.');
  });

  it('keeps title lines one after another that are no contents: chapters that come only once', async () => {
    const work = readText(['Chapter 1', 'Chapter 2', 'Text of two.', 'Chapter 3', 'Text of three.'].join('\n\n'), 'lamp.txt', 'lamp');
    expect(work.dropped).toEqual([]);
  });

  it('finds a whole story’s first title line below a long opening (title, summary, tags), kept as the first chapter’s note', async () => {
    const summary = `Summary: ${'A lamp keeper keeps the lamps. '.repeat(50)}`;
    const work = readText(
      ['The Glass Lamp', 'by Wren', summary, 'Chapter 1: Arrival', 'She came.', 'Chapter 2', 'She left.'].join('\n\n'),
      'lamp.txt',
      'lamp',
    );
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    const files = plan.chapters.map((chapter) => parseContentFile(chapter.text));
    expect(files.map(({ front, body }) => [front.title, body])).toEqual([
      ['Chapter 1: Arrival', 'She came.'],
      ['Chapter 2', 'She left.'],
    ]);
    expect(files[0]!.front.authorsNote).toMatch(/^The Glass Lamp\n\nby Wren\n\nSummary: A lamp keeper/);
    // One title line far down is no whole story: a chapter file without a title line near its top is still refused.
    expect(() => readText([summary, 'Chapter 1: Arrival', 'She came.'].join('\n\n'), 'notes.txt', 'notes')).toThrow(/no title line found/);
  });

  it('keeps a title line with no text under it as text, so no chapter is empty', async () => {
    const { plan, body } = await importText('Chapter 1\n\nShe read the sign.\n\nChapter 2');
    expect(plan.chapters).toHaveLength(1);
    expect(body).toBe('She read the sign.\n\nChapter 2');
  });

  it('takes a note at the very end into endNote', async () => {
    const { front, body } = await importText('Chapter 2\n\nText.\n\nMore text.\n\nA/N: Thanks for reading!\n\nSee you soon.');
    expect(body).toBe('Text.\n\nMore text.');
    expect(front.endNote).toBe('Thanks for reading!\n\nSee you soon.');
  });

  it('reads the side stories of a web novel (番外, 閑話, 외전) as interludes where they stand, not as text of the chapter before', async () => {
    const work = readText(
      ['第1章 出发', '他走了。', '閑話　猫の一日', '猫は寝た。', '第2章 归来', '他回来了。', '番外一 春天', '花开了。'].join('\n\n'),
      'novel.txt',
      'novel',
    );
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map(({ slug, order, title }) => [slug, order, title])).toEqual([
      ['chapter-1', 1, '第1章 出发'],
      ['閑話-猫の一日', 1.5, '閑話　猫の一日'],
      ['chapter-2', 2, '第2章 归来'],
      ['番外一-春天', 2.5, '番外一 春天'],
    ]);
  });

  it('gives each chapter of a file its own notes, opening its text or among its last blocks, in any language the labels are', async () => {
    // Read as `npm run import` reads a file: each chapter's labelled notes are read alike in every format, after its reader.
    const text = [
      'Chapter 1',
      'A/N: Thanks for the reviews!',
      'He walked.',
      'A/N: More soon.',
      'Chapter 2',
      'He came back.',
      'It was late.',
      '作者有话要说：谢谢大家的支持！',
      'Chapter 3',
      'He slept.',
      'A/N: The end.',
    ].join('\n\n');
    const work = await readInput(new TextEncoder().encode(text), 'story.txt');
    const plan = await planImport(work, []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(
      plan.chapters.map((chapter) => parseContentFile(chapter.text)).map(({ front, body }) => [front.authorsNote, body, front.endNote]),
    ).toEqual([
      ['Thanks for the reviews!', 'He walked.', 'More soon.'],
      [undefined, 'He came back.\n\nIt was late.', '谢谢大家的支持！'],
      [undefined, 'He slept.', 'The end.'],
    ]);
  });

  it('reads a chapter split in parts ("Chapter 2a", "Chapter 2b") as chapters of their own, in order', async () => {
    const text = ['Chapter 1', 'She woke.', 'Chapter 2a: Up', 'She rose.', 'Chapter 2b: Down', 'She fell.', 'Chapter 3', 'End.'].join(
      '\n\n',
    );
    const plan = await planImport(await readInput(new TextEncoder().encode(text), 'story.txt'), []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => [chapter.slug, parseContentFile(chapter.text).front.order])).toEqual([
      ['chapter-1', 1],
      ['chapter-2a', 2.01],
      ['chapter-2b', 2.02],
      ['chapter-3', 3],
    ]);
  });

  it('places a prologue and an epilogue in parts, and a final chapter without a number, in order, each a page of its own', async () => {
    const text = [
      'Prologue, Part 1',
      'Dawn.',
      'Prologue, Part 2',
      'Noon.',
      'Chapter 1',
      'One.',
      'Final Chapter',
      'Two.',
      'Epilogue Part 1',
      'Later.',
      'Epilogue Part 2',
      'Last.',
    ];
    const plan = await planImport(await readInput(new TextEncoder().encode(text.join('\n\n')), 'story.txt'), []);
    expect(plan.chapters.map((chapter) => [chapter.slug, parseContentFile(chapter.text).front.order])).toEqual([
      ['prologue-part-1', 0],
      ['prologue-part-2', 0.01],
      ['chapter-1', 1],
      ['final-chapter', 2],
      ['epilogue-part-1', 3],
      ['epilogue-part-2', 4],
    ]);
    expect(plan.fidelity.kept).toBe(plan.fidelity.source);
  });

  it('places the parts of a chapter that repeat its number ("Chapter 7 Part 2") within it, each its own address, the next chapter keeping its own number', async () => {
    const text = ['Chapter 7 Part 1', 'Seven one.', 'Chapter 7 (Part 2)', 'Seven two.', 'Chapter 8', 'Eight.'].join('\n\n');
    const plan = await planImport(await readInput(new TextEncoder().encode(text), 'story.txt'), []);
    expect(plan.chapters.map((chapter) => [chapter.slug, parseContentFile(chapter.text).front.order])).toEqual([
      ['chapter-7-part-1', 7.01],
      ['chapter-7-part-2', 7.02],
      ['chapter-8', 8],
    ]);
  });

  it('leaves "A/N:" in the middle of a chapter in the text', async () => {
    const text = ['Chapter 2', 'One.', 'A/N: sorry for the wait', ...Array.from({ length: 6 }, (_, i) => `Paragraph ${i}.`)].join('\n\n');
    const { front, body } = await importText(text);
    expect(front.endNote).toBeUndefined();
    expect(body).toContain('A/N: sorry for the wait');
    expect(body).toContain('Paragraph 5.');
  });

  it('never cuts a name like "An-Mei" into a note', async () => {
    const { front, body } = await importText('Chapter 2\n\nAn-Mei walked home alone.\n\nThe end came quietly.');
    expect(front.authorsNote).toBeUndefined();
    expect(front.endNote).toBeUndefined();
    expect(body).toBe('An-Mei walked home alone.\n\nThe end came quietly.');
  });

  it('prefers the file name’s number to a "Chapter 2" line inside the text, and reports it', async () => {
    const { front, body, work, chapter } = await importText(
      'Chapter 2\n\nShe opened the book and read the heading aloud.\n\nThen she closed it.',
      'chapter-7',
    );
    expect(chapter.slug).toBe('chapter-7');
    expect(front).toMatchObject({ title: 'Chapter 7', order: 7 });
    expect(body).toBe('Chapter 2\n\nShe opened the book and read the heading aloud.\n\nThen she closed it.');
    expect(work.notices.join('\n')).toMatch(/says chapter 2, the file name chapter 7/);
  });

  it('reads Spanish title lines and notes', async () => {
    const { front, body } = await importText(
      'N/A: Gracias por leer.\n\nCapítulo 4: La máscara\n\nLa ópera estaba en silencio.\n\nNota de la autora: ¡Hasta pronto!',
    );
    expect(front).toMatchObject({ title: 'Capítulo 4: La máscara', order: 4, authorsNote: 'Gracias por leer.', endNote: '¡Hasta pronto!' });
    expect(body).toBe('La ópera estaba en silencio.');
  });

  it('reads a Chinese chapter', async () => {
    const { front, body } = await importText('第4章 湖\n\n她走到湖边。\n\n作者的话：谢谢大家。');
    expect(front).toMatchObject({ title: '第4章 湖', order: 4, endNote: '谢谢大家。' });
    expect(body).toBe('她走到湖边。');
  });

  it('files "Chapter 4.5" as chapter-4-5 at order 4.5', async () => {
    const { chapter, front } = await importText('Chapter 4.5\n\nBetween.');
    expect([chapter.slug, front.title, front.order]).toEqual(['chapter-4-5', 'Chapter 4.5', 4.5]);
  });

  it('gives consecutive interludes their own places', async () => {
    const first = await importText('Interlude\n\nOne.', 'a', [0, 1, 2]);
    const second = await importText('Interlude\n\nTwo.', 'b', [0, 1, 2, first.chapter.order]);
    expect([first.chapter.order, second.chapter.order]).toEqual([2.5, 2.75]);
  });

  it('puts an epilogue after the last chapter', async () => {
    expect((await importText('Epilogue\n\nEnd.', 'epilogue', [0, 1, 2, 3])).chapter.order).toBe(4);
  });

  it('reads a file written one paragraph a line, without blank lines', async () => {
    const long = (n: number) => `Paragraph ${n} is long enough to be a paragraph of its own and not a wrapped line of prose at all.`;
    const lines = ['Chapter 5', long(1), long(2), '* * *', long(3), long(4), long(5), long(6), 'A/N: thanks for reading!'];
    const bytes = Uint8Array.from(Buffer.from(lines.join('\r\n'), 'latin1'));
    const { front, body } = await importText(decodeText(bytes, 'chapter-5.txt'), 'chapter-5');
    expect(body.split('\n\n')).toEqual([long(1), long(2), '* * *', long(3), long(4), long(5), long(6)]);
    expect(front.endNote).toBe('thanks for reading!');
  });

  it('reads a talky story saved as text one paragraph a line, its lines short, at its chapters’ title lines', async () => {
    // As LibreOffice and Word save a document as text: no blank line anywhere.
    const text = ['Chapter 1: Frost', '"Cold?"', '"Very."', 'She nodded.', 'Chapter 2: Thaw', '"Warm?"', '"Yes."'].join('\n');
    const plan = await planImport(await readInput(new TextEncoder().encode(text), 'story.txt'), []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => parseContentFile(chapter.text).body)).toEqual([
      '"Cold?"\n\n"Very."\n\nShe nodded.',
      '"Warm?"\n\n"Yes."',
    ]);
  });

  it('reads a story LibreOffice saved as text, one paragraph a line and an empty one where each break was, at its title lines', async () => {
    const long = (n: number) => `Der Wind schlug gegen das Glas, und die Lampe brannte die ganze Nacht, Absatz ${n}, bis zum Morgen.`;
    const text = [
      'Teil 1',
      'Kapitel 1: Der Sturm',
      'Anmerkung der Autorin: Danke fürs Warten.',
      '',
      long(1),
      `${long(2).slice(0, -1)}.1`,
      'Kapitel 2',
      long(3),
      '',
      long(4),
      long(5),
    ].join('\n');
    const plan = await planImport(await readInput(new TextEncoder().encode(`\uFEFF${text}`), 'story.txt'), []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => parseContentFile(chapter.text))).toMatchObject([
      {
        front: { title: 'Kapitel 1: Der Sturm', part: 'Teil 1', authorsNote: 'Danke fürs Warten.' },
        body: `${long(1)}\n\n${long(2).slice(0, -1)}.1`,
      },
      { front: { title: 'Kapitel 2' }, body: [long(3), long(4), long(5)].join('\n\n') },
    ]);
  });

  it('reads Thai text saved a paragraph a line, its sentences ended by spaces, not stops, by lines longer than any wrapped text’s', async () => {
    const line = (n: number) => `${'ประภาคาร ลม ทะเล กลางคืน ตะเกียง กระจก เธอ เขา ที่ และ ไม่ '.repeat(3)}ย่อหน้า ${n}`;
    const text = ['บทที่ 1', line(1), line(2), '', line(3), line(4), 'บทที่ 2', line(5), '', line(6), line(7), line(8)].join('\n');
    const plan = await planImport(await readInput(new TextEncoder().encode(text), 'story.txt'), []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => parseContentFile(chapter.text).body.split('\n\n'))).toEqual([
      [line(1), line(2), line(3), line(4)],
      [line(5), line(6), line(7), line(8)],
    ]);
  });

  it('keeps every paragraph and joins prose lines wrapped inside one', async () => {
    const wrapped =
      'Small, soft fingers ran across the mask as a soft cry escaped her lips.\nSuch pain-such sadness-! It was all held in the mask; the feelings of\ninsecurity.';
    expect((await importText(`Chapter 1\n\n${wrapped}\n\nNext.`)).body).toBe(
      'Small, soft fingers ran across the mask as a soft cry escaped her lips. Such pain-such sadness-! It was all held in the mask; the feelings of insecurity.\n\nNext.',
    );
  });

  it('keeps the lines of verse as lines, stanzas together in one verse block', async () => {
    expect(
      (
        await importText(
          'Chapter 1\n\nShe sang:\n\nThe music of the night,\nit sings to you alone.\n\nClose your eyes,\nand let it take you.\n\nThen silence.',
        )
      ).body,
    ).toBe(
      'She sang:\n\n:::verse\nThe music of the night,\\\nit sings to you alone.\n\nClose your eyes,\\\nand let it take you.\n:::\n\nThen silence.',
    );
  });

  it('never turns "-the man." or other line starts into Markdown structure', async () => {
    const { body } = await importText('Chapter 1\n\n-the man.\n\n1. First\n\n# tag\n\n> quote\n\n+ plus\n\n- dash');
    expect(body.split('\n\n')).toEqual(['-the man.', '1\\. First', '\\# tag', '\\> quote', '\\+ plus', '\\- dash']);
  });

  it('reads lines each opening with a tab and ending a sentence as paragraphs, and a poem set in with tabs as verse', async () => {
    const { body } = await importText(
      'Chapter 1\r\n\r\n\tShe walked slowly.\r\n\tHe said, "Wait!"\r\n\r\n\tRoses are red,\r\n\tthe lake is cold.\r\n',
    );
    expect(body).toBe('She walked slowly.\n\nHe said, "Wait!"\n\n:::verse\nRoses are red,\\\nthe lake is cold.\n:::');
  });

  it('keeps emphasis markers, code, brackets, HTML and entities as the words they are', async () => {
    const line = '*sigh* snake_case `code` [x] <3 <b>hi</b> &amp; ~~no~~ back\\slash';
    const { plan } = await importText(`Chapter 1\n\n${line}`);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source });
    const { createRenderer } = await import('../../src/markdown/render');
    const { stringsFor } = await import('../../src/shared/i18n/index');
    const rendered = await createRenderer({
      base: '/',
      chapters: new Map(),
      t: stringsFor('en'),
      image: () => ({ problem: 'none' }),
      remoteImages: false,
    }).chapter(parseContentFile(plan.chapters[0]!.text).body);
    expect(rendered.text.trim()).toBe(line);
  });

  it.each([
    '* * *',
    '***',
    '---',
    '~~~',
    'oOo',
    'xXx',
    '-x-',
    '=====',
    '_____',
    '~oOo~',
    '-xXx-',
    '-o-o-o-',
    'oOoOo',
    'x-x-x',
    'XXX',
    '~o~',
    '☆☆☆',
    '<><><>',
    '° ° °',
    '0o0o0',
  ])('writes the scene break "%s" as * * *', async (line) => {
    expect(isSceneBreak(line)).toBe(true);
    expect((await importText(`Chapter 1\n\nBefore.\n\n${line}\n\nAfter.`)).body).toBe('Before.\n\n* * *\n\nAfter.');
  });

  it('does not take ordinary short lines for scene breaks', () => {
    const words = [
      'oh',
      'xo',
      '...',
      '- -',
      'Ooh!',
      'Ooo',
      'Xxx',
      'xx',
      'o.O',
      'xoxo',
      'XOXO',
      'Ox',
      'x',
      'o',
      '…',
      '—',
      '000',
      '<>',
      '♥',
      '^^',
    ];
    expect(words.filter(isSceneBreak)).toEqual([]);
  });

  it('uses the file name when the text has no title line', async () => {
    expect(await importText('Just the text.', 'chapter-7')).toMatchObject({
      front: { title: 'Chapter 7', order: 7 },
      body: 'Just the text.',
    });
  });

  it('takes a "Chapter N:" line as the title whatever its length, as 19th-century serials write them', async () => {
    const title = `Chapter 12: In which ${'the lamplighter walks the long way round the square, '.repeat(5)}and comes home.`;
    expect(title.length).toBeGreaterThan(250);
    const { front, body } = await importText(`${title}\n\nThe text.`, '012-chapter-12');
    expect(front).toMatchObject({ title, order: 12 });
    expect(body).toBe('The text.');
  });

  it('reads the chapter number from a numbered file name such as 007-chapter-7.txt', async () => {
    expect((await importText('Just the text.', '007-chapter-7')).front).toMatchObject({ title: 'Chapter 7', order: 7 });
  });

  it.each([
    ['01', 'Chapter 1', 1],
    ['2', 'Chapter 2', 2],
    ['03 The Morning', 'Chapter 3: The Morning', 3],
    ['12_The_Lake', 'Chapter 12: The Lake', 12],
  ])('titles a text without a title line by its file name’s number alone: %s.txt', async (stem, title, order) => {
    expect((await importText('Just the text.', stem)).front).toMatchObject({ title, order });
  });

  it('titles it under the chapter label of the language the text is written in, not always English', async () => {
    const german =
      'Der Leuchtturmwärter stieg die Treppe hinauf, und der Wind schlug gegen das Glas. Er wusste, dass die Nacht lang werden würde, und er hatte nichts mehr als die Lampe und das Buch, das er mit sich trug. Die See war dunkel und die Schiffe waren weit, aber er blieb bei seiner Arbeit, wie er es immer getan hatte.';
    expect((await importText(german, '03 Der Morgen')).front).toMatchObject({ title: 'Kapitel 3: Der Morgen', order: 3 });
    expect(
      (await importText('灯台守は階段を上った。風がガラスを叩いていた。長い夜になるだろうと彼は知っていた。', '02')).front,
    ).toMatchObject({
      title: '第2章',
      order: 2,
    });
  });

  it('never lets a file name’s number say anything against the text’s own title line', async () => {
    expect((await importText('Chapter 5: The Bridge\n\nThe text.', '02')).front).toMatchObject({
      title: 'Chapter 5: The Bridge',
      order: 5,
    });
  });

  it('refuses text with no title line and no telling file name, naming the file', () => {
    expect(() => readText('Just the text.', 'notes.txt', 'notes')).toThrow(/^notes\.txt: no title line found/);
    for (const stem of ['1984 Notes', '00', '2024-03-01'])
      expect(() => readText('Just the text.', `${stem}.txt`, stem), stem).toThrow(/no title line found/);
  });

  it('refuses a chapter with only a title', () => {
    expect(() => readText('Chapter 3\n\n', 'input.txt', 'input')).toThrow(/input\.txt: the chapter has no text/);
  });

  it('counts the words of the chapter text', async () => {
    expect((await importText('Chapter 1\n\nOne two three.\n\n* * *\n\nFour.')).chapter.words).toBe(4);
  });

  it('writes frontmatter an author can read, quoting only where YAML needs it', async () => {
    const { plan } = await importText("Author's Note: Hi :)\n\nTwo.\n\nChapter 1: The Mask\n\nText.\n\nA/N: Bye.");
    expect(plan.chapters[0]!.text).toBe(
      '---\ntitle: "Chapter 1: The Mask"\norder: 1\nauthorsNote: |-\n  Hi :)\n\n  Two.\nendNote: Bye.\n---\n\nText.\n',
    );
    expect((await importText('Prologue\n\nText.')).plan.chapters[0]!.text).toBe('---\ntitle: Prologue\norder: 0\n---\n\nText.\n');
  });
});

describe('encodings', () => {
  const text = 'Chapter 1\n\nDaaé — “quoted”.\n';
  const utf16le = (s: string) =>
    Uint8Array.from([0xff, 0xfe, ...Array.from(s).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
  const utf16be = (s: string) =>
    Uint8Array.from([0xfe, 0xff, ...Array.from(s).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);

  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(text);
    expect(decodeText(bytes, 'a.txt')).toBe(text);
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]), 'a.txt')).toBe(text);
  });

  it('reads UTF-16 little- and big-endian with a BOM', () => {
    expect(decodeText(utf16le(text), 'a.txt')).toBe(text);
    expect(decodeText(utf16be(text), 'a.txt')).toBe(text);
  });

  it('reads Windows-1252', () => {
    // "café — “x”" in Windows-1252: é=E9, em dash=97, curly quotes=93/94.
    expect(decodeText(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x97, 0x20, 0x93, 0x78, 0x94]), 'a.txt')).toBe('café — “x”');
  });

  it('reads UTF-8 with one stray Windows-1252 byte without garbling the rest', () => {
    const utf8 = new TextEncoder().encode('Daaé sang “Think of Me”');
    const bytes = Uint8Array.from([...utf8, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
    expect(decodeText(bytes, 'a.txt')).toBe('Daaé sang “Think of Me” “ok”');
  });

  it('reads CRLF line ends as paragraphs', async () => {
    expect((await importText('Chapter 1\r\n\r\nOne.\r\n\r\nTwo.\r\n')).body).toBe('One.\n\nTwo.');
  });

  it('refuses binary and empty files, naming the file', () => {
    expect(() => decodeText(Uint8Array.from([0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x14]), 'story.bin')).toThrow(
      /^story\.bin: this looks like a binary file/,
    );
    expect(() => decodeText(new Uint8Array(), 'empty.txt')).toThrow(/^empty\.txt: the file is empty/);
    expect(() => decodeText(new TextEncoder().encode(' \n\n '), 'blank.txt')).toThrow(/blank\.txt: the file is empty/);
  });
});

describe('HTML to Markdown', () => {
  it('keeps italics, bold, underline, small caps and alignment', () => {
    expect(
      html(
        '<p><em>Someone</em> was <strong>there</strong>, <u>really</u>, <span class="smallcaps">Opera Ghost</span>.</p><p align="center">The End</p><p style="text-align: right">— E.</p><center>Fin</center>',
      ),
    ).toBe(
      '*Someone* was **there**, <u>really</u>, <span class="small-caps">Opera Ghost</span>.\n\n<div class="center">\n\nThe End\n\n</div>\n\n<div class="right">\n\n— E.\n\n</div>\n\n<div class="center">\n\nFin\n\n</div>',
    );
  });

  it('writes nothing for a centred paragraph of nothing (a word processor’s empty line), and goes on', () => {
    expect(html('<p class="center"><br></p><p class="center"><b>Chapter One</b></p><p align="center"> </p><p>Text.</p>')).toBe(
      '<div class="center">\n\n**Chapter One**\n\n</div>\n\nText.',
    );
  });

  it('makes paragraphs of text written between double line breaks, a scene break among them; a single break stays a line break', () => {
    expect(
      html(
        '<div>One.<br><br>* * *<br> <br><br>Two <em>it</em>.<br>Line.<br><br></div><p align="center">Centred one.<br><br>Centred two.</p><p>Verse one,<br>verse two.</p>',
      ),
    ).toBe(
      'One.\n\n* * *\n\nTwo *it*.\\\nLine.\n\n<div class="center">\n\nCentred one.\n\nCentred two.\n\n</div>\n\nVerse one,\\\nverse two.',
    );
  });

  it('escapes what Markdown would read as syntax', () => {
    expect(html('<p>*sigh* 1. First &lt;3 snake_case [x]</p><p>1. Not a list</p><p># not a heading</p>')).toBe(
      '\\*sigh\\* 1. First <3 snake_case \\[x]\n\n1\\. Not a list\n\n\\# not a heading',
    );
  });

  it('escapes what the site’s Markdown reads beyond CommonMark: a highlight, an Obsidian comment, an inline note', () => {
    const markdown = html('<p>==marked== 50%%off ^[citation needed] ~sung~</p>');
    expect(markdown).toBe('\\==marked\\== 50\\%%off ^\\[citation needed] \\~sung\\~');
  });

  it('turns paragraphs of break marks into scene breaks, "oOo" as plain text does', () => {
    expect(html('<p>One.</p><p align="center">* * *</p><p>Two.</p><p>~~~</p><p>oOo</p>')).toBe('One.\n\n* * *\n\nTwo.\n\n* * *\n\n* * *');
  });

  it.each([
    [
      'pandoc',
      '<p>A wick<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>.</p><section class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1"><p>A string.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>',
    ],
    [
      'mammoth (Word)',
      '<p>A wick<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p><ol><li id="footnote-1"><p>A string. <a href="#footnote-ref-1">↑</a></p></li></ol>',
    ],
    ['EPUB 3', '<p>A wick<a epub:type="noteref" href="#n1">1</a>.</p><aside epub:type="footnote" id="n1"><p>A string.</p></aside>'],
  ])('turns %s footnotes into Markdown footnotes', (_, markup) => {
    expect(html(markup)).toBe('A wick[^1].\n\n[^1]: A string.');
  });

  it('drops Word’s bookmarks but keeps their words', () => {
    expect(html('<p><a id="_Toc1"></a>Title <a id="_GoBack">kept</a></p>')).toBe('Title kept');
  });

  it('gives a picture’s caption a paragraph of its own', () => {
    expect(html('<figure><img src="images/a.png" alt="A lamp"><figcaption>A lamp, lit.</figcaption></figure>')).toBe(
      '![A lamp](images/a.png)\n\nA lamp, lit.',
    );
  });
});

describe('word check', () => {
  it('folds case, quote styles and composition, and counts CJK by character', () => {
    expect(fidelityWords("Don’t “Daaé” DON'T")).toEqual(["don't", 'daaé', "don't"]);
    expect(fidelityWords('Daa\u0065\u0301')).toEqual(['daaé']);
    expect(fidelityWords('她走到湖边。')).toEqual(['她', '走', '到', '湖', '边']);
    expect(fidelityWords('↩︎ * 1')).toEqual(['1']);
  });

  it('finds a lost word and shows where it was', () => {
    const source = fidelityWords('one two three four five six seven eight nine ten eleven twelve');
    const output = fidelityWords('one two three four five six seven nine ten eleven twelve');
    expect(compareWords(source, output)).toEqual({
      source: 12,
      kept: 11,
      firstLoss: '… two three four five six seven eight nine ten eleven twelve',
      added: 0,
      firstAddition: undefined,
      disorder: undefined,
    });
    expect(compareWords(source, source).firstLoss).toBeUndefined();
  });

  it('finds words written twice, which a check of losses alone passes', () => {
    const source = fidelityWords('one two three four five');
    const output = fidelityWords('one two three four five three four five');
    expect(compareWords(source, output)).toMatchObject({ kept: 5, added: 3, firstAddition: 'one two three four five three four five' });
  });

  it('finds chapters written in another order than the source’s', () => {
    const first = fidelityWords('the first chapter opens with these eight words and then more');
    const second = fidelityWords('the second chapter opens with other words than the first one');
    const source = [...first, ...second];
    expect(
      compareWords(source, source, [
        { title: 'One', words: first },
        { title: 'Two', words: second },
      ]).disorder,
    ).toBeUndefined();
    expect(
      compareWords(
        source,
        [...second, ...first],
        [
          { title: 'Two', words: second },
          { title: 'One', words: first },
        ],
      ).disorder,
    ).toBe('“One” comes before “Two” in the source, but after it in what would be written');
  });
});

describe('text in a legacy encoding', () => {
  const encodings = join(import.meta.dirname, '../fixtures/import/encodings');
  it.each([
    ['zh-gbk.txt', '第一章 灯塔', '她走进了灯塔，看见灯已经亮了。'],
    ['zh-big5.txt', '第一章 燈塔', '她走進了燈塔，看見燈已經亮了。'],
    ['ja-sjis.txt', '第一章　灯台', '彼女は灯台に入って、灯りがもうついているのを見た。'],
    ['ko-euckr.txt', '제1장 등대', '그녀는 등대에 들어가서 불이 이미 켜져 있는 것을 보았다.'],
    ['ru-1251.txt', 'Глава 1. Маяк', 'Она вошла в маяк и увидела, что лампа уже горит.'],
    ['ru-koi8.txt', 'Глава 1. Маяк', 'Она вошла в маяк и увидела, что лампа уже горит.'],
    ['uk-koi8u.txt', 'Розділ 1. Маяк', 'Вона увійшла до маяка й побачила, що лампа вже горить.'],
    ['fr-1252.txt', 'Chapitre 1 : Le phare', 'Elle entra dans le phare et vit que la lampe était déjà allumée.'],
    ['he-1255.txt', 'פרק 1: המגדלור', 'היא נכנסה למגדלור וראתה שהמנורה כבר דולקת.'],
    ['el-1253.txt', 'Κεφάλαιο 1: Ο φάρος', 'Μπήκε στον φάρο και είδε ότι η λάμπα ήταν ήδη αναμμένη.'],
    ['th-874.txt', 'บทที่ 1 ประภาคาร', 'เธอเดินเข้าไปในประภาคารและเห็นว่าตะเกียงจุดอยู่แล้ว'],
    ['ar-1256.txt', 'الفصل 1: المنارة', 'دخلت المنارة ورأت أن المصباح مضاء بالفعل.'],
    ['zh-gbk.html', '<h1>第一章 灯塔</h1>', '<p>她走进了灯塔，看见灯已经亮了。</p>'],
  ])('reads %s as written', (name, title, text) => {
    const read = decodeText(readFileSync(join(encodings, name)), name);
    expect(read).toContain(title);
    expect(read).toContain(text);
  });

  it('keeps UTF-8 with a stray Windows-1252 quote as UTF-8', () => {
    const bytes = Uint8Array.from([...Buffer.from('Ñandú, “ya” y ', 'utf8'), 0x93, ...Buffer.from('más', 'utf8'), 0x94]);
    expect(decodeText(bytes, 'es.txt')).toBe('Ñandú, “ya” y “más”');
  });
});

describe('a folder of chapters', () => {
  it('is read in every format the importer reads (FictionBook and XHTML too), in the order the names number them, and nothing else', () => {
    const folder = mkdtempSync(join(tmpdir(), 'quire-folder-'));
    try {
      for (const name of ['Chapter 10.fb2', 'Chapter 2.xhtml', 'Chapter 1.md', 'outline.pdf', '.hidden.txt'])
        writeFileSync(join(folder, name), 'Chapter\n\nText.\n');
      const { inputs, errors, notes } = readInputs([folder]);
      expect(errors).toEqual([]);
      expect(inputs.map(({ name }) => basename(name))).toEqual(['Chapter 1.md', 'Chapter 2.xhtml', 'Chapter 10.fb2']);
      expect(notes).toEqual([`read the 3 files in ${folder} in this order: Chapter 1.md, Chapter 2.xhtml, Chapter 10.fb2`]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('Markdown cut into chapters', () => {
  it('moves each note written after the last chapter to the chapter that refers to it, continued paragraphs and all', () => {
    const { bodies, moved } = gatherFootnoteDefinitions([
      'One.[^a] Shared.[^s]',
      'Two.[^b] Shared.[^s]\n\n[^a]: Note A.\n\n    Its second paragraph.\n\n[^b]: Note B.\n\n[^s]: Shared note.\n\n[^n]: Nobody’s.',
    ]);
    expect(moved).toBe(1);
    expect(bodies[0]).toBe('One.[^a] Shared.[^s]\n\n[^a]: Note A.\n\n    Its second paragraph.');
    // Its own, one two chapters refer to, one none does: where they are.
    expect(bodies[1]).toBe('Two.[^b] Shared.[^s]\n\n[^b]: Note B.\n\n[^s]: Shared note.\n\n[^n]: Nobody’s.');
  });

  it('reads code fences as the site does: a heading in a fence indented any amount is code, and a fence with words after it closes nothing', async () => {
    const markdown = ['# Chapter 1', 'Text.', '    ```\n# Not a chapter\n``` still code\n    ```', 'More.', '# Chapter 2', 'End.'].join(
      '\n\n',
    );
    const plan = await planImport(await readInput(new TextEncoder().encode(markdown), 'story.md'), []);
    expect(plan.fidelity).toMatchObject({ kept: plan.fidelity.source, added: 0 });
    expect(plan.chapters.map((chapter) => [chapter.title, parseContentFile(chapter.text).body])).toEqual([
      ['Chapter 1', 'Text.\n\n    ```\n# Not a chapter\n``` still code\n    ```\n\nMore.'],
      ['Chapter 2', 'End.'],
    ]);
  });

  it('leaves a file whose notes are each in its chapter as it is', () => {
    const bodies = ['One.[^1]\n\n[^1]: A.', 'Two.[^1]\n\n[^1]: B.'];
    expect(gatherFootnoteDefinitions(bodies)).toEqual({ bodies, moved: 0 });
  });

  it('reads pandoc’s attributes: left out of pictures and links, a span as its words (underlined, small capitals), and returns what it left out', () => {
    const { text, attributes } = pandocSpans(
      '[this]{.underline} [END]{.smallcaps} [plain]{#x} ![a](b.png){width="0.8in"\nheight="0.5in"} [link](https://x.y){target="_blank"} [kept] {braces}',
    );
    expect(text).toBe(
      '<u>this</u> <span style="font-variant: small-caps">END</span> plain ![a](b.png) [link](https://x.y) [kept] {braces}',
    );
    expect(attributes).toEqual(['{width="0.8in"\nheight="0.5in"}', '{target="_blank"}', '{.underline}', '{.smallcaps}', '{#x}']);
  });

  it('reads pandoc’s blocks: a line block as verse (its indents kept), a fenced div as its text (a poem’s as verse), a heading without its attributes; code as written', () => {
    // What stays as written: the site's own verse, a table, code that shows pandoc's marks.
    const kept = [
      ':::verse',
      'The site’s own',
      ':::',
      '',
      '| Name | Age |',
      '| --- | --- |',
      '| Meg | 17 |',
      '',
      '```',
      '| not a line block',
      '::: {.not-a-div}',
      '```',
    ];
    const written = [
      '## The Letter {#letter .unnumbered}',
      '',
      '| Dear Meg,',
      '|     I write from the lake,',
      '  where the water is black.',
      '| ',
      '| Yours, C.',
      '',
      '::: {.letter}',
      'The second page was blank.',
      ':::',
      '',
      '::: poem',
      'Roses are red',
      ':::',
      '',
      ...kept,
    ];
    const { text, attributes, lineBlocks, divs, poems } = pandocBlocks(written.join('\n'));
    expect(text.split('\n')).toEqual([
      '## The Letter',
      '',
      ':::verse',
      'Dear Meg,',
      '\u00a0'.repeat(4) + 'I write from the lake, where the water is black.',
      '',
      'Yours, C.',
      ':::',
      '',
      'The second page was blank.',
      '',
      ':::verse',
      'Roses are red',
      ':::',
      '',
      ...kept,
    ]);
    expect({ attributes, lineBlocks, divs, poems }).toEqual({
      attributes: ['{#letter .unnumbered}', '{.letter}', 'poem'],
      lineBlocks: 1,
      divs: 2,
      poems: 1,
    });
  });

  it('leaves the frontmatter as written: its last line over the closing --- is no heading with attributes', () => {
    const written = '---\ntitle: The Lake\nsummary: A note {.aside}\n---\n\n## The Lake {#lake}\n\nText.';
    expect(pandocBlocks(written).text).toBe('---\ntitle: The Lake\nsummary: A note {.aside}\n---\n\n## The Lake\n\nText.');
  });

  it('imports pandoc’s Markdown with every word, its attributes no words of the story even where the story has the same word', async () => {
    const file = '# Chapter 1 {#one}\n\nShe drew a line to [underline]{.underline} the underline word.\n\n::: letter\nA letter.\n:::\n';
    const plan = await planImport(await readInput(new TextEncoder().encode(file), 'chapter.md'), []);
    expect(plan.fidelity.kept).toBe(plan.fidelity.source);
    expect(plan.fidelity.added).toBe(0);
    expect(plan.chapters[0]!.text).toContain('She drew a line to <u>underline</u> the underline word.\n\nA letter.');
  });
});
