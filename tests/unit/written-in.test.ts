import { describe, expect, it } from 'vitest';
import { fitsLanguage, writtenIn } from '../../src/core/written-in';
import { readInput } from '../../src/importer/read';
import { planImport } from '../../src/importer/files';
import { makeDocx } from '../support/documents';

const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe('the language a text is written in', () => {
  it.each([
    ['她走进了灯塔。没有人回答她。他守着这些灯，守了十一年。', 'Hani', 'zh'],
    ['灯台の明かりは、今夜も海を照らしていた。「誰かいるの？」と彼女は尋ねた。', 'Kana', 'ja'],
    ['그녀는 등대로 들어갔다. 아무도 대답하지 않았다. 그는 십일 년 동안 등불을 지켰다.', 'Hang', 'ko'],
    ['היא נכנסה למגדלור בשקט. איש לא ענה לה. הוא שמר על המנורות אחת עשרה שנים.', 'Hebr', 'he'],
    ['دخلت المنارة بهدوء. لم يجبها أحد. حرس المصابيح أحد عشر عامًا.', 'Arab', 'ar'],
    ['او به آرامی وارد فانوس دریایی شد. هیچ کس پاسخ نداد. چراغ ها را نگه داشت.', 'Arab', 'fa'],
    ['เธอเดินเข้าไปในประภาคารอย่างเงียบๆ ไม่มีใครตอบเธอ เขาเฝ้าตะเกียงมาสิบเอ็ดปี', 'Thai', 'th'],
    ['Она вошла в маяк. Никто ей не ответил. Он хранил эти лампы одиннадцать лет.', 'Cyrl', 'ru'],
    ['Вона увійшла до маяка. Ніхто їй не відповів. Він беріг ці лампи одинадцять років.', 'Cyrl', 'uk'],
    ['Μπήκε στον φάρο. Κανείς δεν της απάντησε. Φύλαγε τις λάμπες έντεκα χρόνια.', 'Grek', 'el'],
    // Latin letters name no one language.
    ['She came in from the rain, and nobody answered her at all.', 'Latn', undefined],
  ])('%s', (text, script, language) => {
    expect(writtenIn(text)).toEqual({ script, language });
  });

  it('says nothing of a text too short or too mixed to tell', () => {
    expect(writtenIn('灯塔')).toBeUndefined();
    expect(writtenIn('The lamp 灯塔 and the sea 海 and the light 光 and the keeper 守护者 of it all')).toEqual({
      script: 'Latn',
      language: undefined,
    });
    expect(writtenIn('lamp light sea абвгд ежзий αβγδε ζηθικ')).toBeUndefined();
  });

  it('fits the languages written in that script, Chinese characters to Japanese too', () => {
    expect(fitsLanguage('Hani', 'zh')).toBe(true);
    expect(fitsLanguage('Hani', 'zh-Hant')).toBe(true);
    expect(fitsLanguage('Hani', 'ja')).toBe(true);
    expect(fitsLanguage('Kana', 'ja')).toBe(true);
    expect(fitsLanguage('Hang', 'ko')).toBe(true);
    expect(fitsLanguage('Latn', 'fr')).toBe(true);
    expect(fitsLanguage('Hani', 'en')).toBe(false);
    expect(fitsLanguage('Kana', 'zh')).toBe(false);
    expect(fitsLanguage('Hebr', 'en')).toBe(false);
    expect(fitsLanguage('Cyrl', 'sr')).toBe(true);
  });
});

describe('an import whose source never says its language', () => {
  it('writes the language its text is written in into story.md, and says so; English stays unsaid', async () => {
    const hebrew = await readInput(
      makeDocx([
        paragraph('פרק 1: ההגעה'),
        paragraph('היא נכנסה למגדלור בשקט ואיש לא ענה לה.'),
        paragraph('פרק 2: הסערה'),
        paragraph('הסערה הגיעה בלילה.'),
      ]),
      'story.docx',
    );
    const plan = await planImport(hebrew, []);
    expect(plan.story).toMatch(/^language: he$/m);
    expect(hebrew.notices).toContain(
      'set the story’s language to he, the language its text is written in (change it in story.md if it is another)',
    );
    const english = await readInput(
      makeDocx([paragraph('Chapter 1'), paragraph('She came in from the rain.'), paragraph('Chapter 2'), paragraph('Nobody answered.')]),
      'story.docx',
    );
    expect((await planImport(english, [])).story).not.toMatch(/^language:/m);
  });
});
