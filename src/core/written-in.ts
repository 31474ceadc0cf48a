import { scriptOf } from '../shared/i18n/languages.ts';

/**
 * What a text's letters say of its language: the script most of them are in, and the language
 * that script names when it names one (Hangul: Korean; Thai; Hebrew; Han with kana: Japanese);
 * for Latin letters, which dozens of languages share, the one its most common words are of.
 * Used where a story's language was never given (an import from Word or a text file) and to
 * warn when the one given does not fit its text (`language: en` left from the sample over
 * chapters in Chinese, or in French): the page's language
 * decides how search splits words, how quotes are set and which way the text runs.
 */

/** Scripts by their ISO 15924 code, as `Intl.Locale#maximize` names a language's, with the language each alone names. */
const scripts: { code: string; test: RegExp; language?: string }[] = [
  { code: 'Latn', test: /\p{Script=Latin}/u },
  { code: 'Hani', test: /\p{Script=Han}/u },
  { code: 'Kana', test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u, language: 'ja' },
  { code: 'Hang', test: /\p{Script=Hangul}/u, language: 'ko' },
  { code: 'Cyrl', test: /\p{Script=Cyrillic}/u },
  { code: 'Grek', test: /\p{Script=Greek}/u, language: 'el' },
  { code: 'Arab', test: /\p{Script=Arabic}/u },
  { code: 'Hebr', test: /\p{Script=Hebrew}/u, language: 'he' },
  { code: 'Thai', test: /\p{Script=Thai}/u, language: 'th' },
  { code: 'Deva', test: /\p{Script=Devanagari}/u, language: 'hi' },
  { code: 'Beng', test: /\p{Script=Bengali}/u, language: 'bn' },
  { code: 'Taml', test: /\p{Script=Tamil}/u, language: 'ta' },
  { code: 'Telu', test: /\p{Script=Telugu}/u, language: 'te' },
  { code: 'Geor', test: /\p{Script=Georgian}/u, language: 'ka' },
  { code: 'Armn', test: /\p{Script=Armenian}/u, language: 'hy' },
  { code: 'Ethi', test: /\p{Script=Ethiopic}/u, language: 'am' },
  { code: 'Khmr', test: /\p{Script=Khmer}/u, language: 'km' },
  { code: 'Mymr', test: /\p{Script=Myanmar}/u, language: 'my' },
  { code: 'Sinh', test: /\p{Script=Sinhala}/u, language: 'si' },
];

/** The scripts a language's own script stands for: Japanese is written in Han and kana, Korean in Hangul and Han. */
const writtenWith: Record<string, string[]> = {
  Jpan: ['Hani', 'Kana'],
  Kore: ['Hang', 'Hani'],
  Hans: ['Hani'],
  Hant: ['Hani'],
};

/** How many letters to read: enough to know, few enough to stay quick on a long story. */
const sample = 20_000;

/** The script most of a text's letters are in (`Hani` for Chinese, Japanese counted as `Kana`…), and the language it names, if any. */
export function writtenIn(text: string): { script: string; language: string | undefined } | undefined {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const char of text) {
    if (letters >= sample) break;
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    const script = scripts.find(({ test }) => test.test(char));
    if (script) counts.set(script.code, (counts.get(script.code) ?? 0) + 1);
  }
  if (letters < 20) return undefined;
  const han = counts.get('Hani') ?? 0;
  const kana = counts.get('Kana') ?? 0;
  // Japanese: Han and kana together, kana a share of them (a Chinese text quoting a Japanese name has a few).
  if (kana > 0 && kana >= (han + kana) * 0.05) counts.set('Kana', han + kana);
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!top || top[1] < letters * 0.5) return undefined;
  const [script] = top;
  return { script, language: script === 'Hani' ? chineseOf(text) : languageOf(script, text) };
}

/**
 * Common characters each written one way in traditional Chinese and another in simplified, in
 * pairs (們/们, 這/这, 說/说…), one set each; left out, those both write (里 of 公里, 后 of 皇后).
 */
const traditional = new Set(
  '們個這說來時會對過還沒為學國長開見從與東認樣經無發問門燈樓頭氣讓愛電話聽覺點買車馬鳥魚邊進動現實種關應當將親戰間萬歲節處區',
);
const simplified = new Set(
  '们个这说来时会对过还没为学国长开见从与东认样经无发问门灯楼头气让爱电话听觉点买车马鸟鱼边进动现实种关应当将亲战间万岁节处区',
);

/** Which characters a Chinese text is in, when one kind clearly outnumbers the other (three to one, five at least). */
export function chineseCharacters(text: string): 'traditional' | 'simplified' | undefined {
  let [old, simple] = [0, 0];
  for (const char of text.slice(0, sample * 2)) {
    if (traditional.has(char)) old++;
    else if (simplified.has(char)) simple++;
  }
  return old >= 5 && old > simple * 3 ? 'traditional' : simple >= 5 && simple > old * 3 ? 'simplified' : undefined;
}

/** Chinese in traditional characters is `zh-Hant` (as Taiwan and Hong Kong write it); else `zh`. */
const chineseOf = (text: string): string => (chineseCharacters(text) === 'traditional' ? 'zh-Hant' : 'zh');

/**
 * The most common words of the languages written in Latin letters that stories are told in,
 * each list its language's own (the words two languages share count for both, and so decide
 * nothing between them).
 */
const commonWords: Readonly<Record<string, string>> = {
  en: 'the and of to a in was he she it that his her you i with for had on is not but at they',
  fr: 'le la les de des et un une il elle est que qui dans ne pas du au je se sur à qu son sa avait',
  de: 'der die das und ist nicht ein eine sie er ich zu den mit sich es auf dem war hatte auch',
  es: 'el la los las de que y en un una no se por con su lo del al pero como más le era',
  it: 'il la di che e un una non per è si con mi del della le gli ho era lo ma come',
  pt: 'o a os as de que e não um uma em do da para com se ele ela você mas no na era',
  nl: 'de het een en van is niet dat ik je hij zij ze op te met was maar voor er',
  pl: 'i w nie się na z że to jest do co jak ale jego już tak mnie był była',
  tr: 'bir ve bu da de ne için çok ama o gibi daha ile değil mi sonra ben sen',
  id: 'yang dan di itu ini dengan tidak aku dia ke untuk ada dari akan saya kamu',
  vi: 'và của là không có một những cho đã người anh cô tôi được với này',
  sv: 'och att det som en på är av för med inte han hon jag var till den har',
  da: 'og at det en er til på han hun jeg ikke med som var af de for har hvad nu efter blev sagde noget',
  nb: 'og det er til på han hun jeg ikke med som var av en for de å har hva nå etter ble sa noe',
  fi: 'ja on ei se että hän oli mutta niin kun jo minä sinä ole',
  cs: 'a se na je že to v ne jsem s jak ale by do z o si tak',
  hu: 'a az és hogy nem is egy van meg de csak már volt ki',
  ro: 'și în de la nu că se cu o un a pe ce era din este',
  ca: 'el la els les de que i en un una no es per amb però del al va',
  fil: 'ang ng sa na at ay ko mo siya ako ka hindi mga kung para lang naman pa ba niya nila kami',
};
/** Whether the language of a text in Latin letters can be told to be this one (`latinLanguage`). */
export const readsLatin = (language: string): boolean => Object.hasOwn(commonWords, language);

const commonSets = Object.entries(commonWords).map(([language, words]) => [language, new Set(words.split(' '))] as const);

/**
 * The language of a text in Latin letters, from how often its most common words come: one
 * clearly ahead of the rest (half again as often as the next), in a text long enough to tell
 * (40 words). Two languages that share most of their common words (Danish and Norwegian) are
 * told apart by the words they do not share, each half again as often as the other's and often
 * enough to count (5). Undefined otherwise: the text is too short, mixed, or in another language.
 */
export function latinLanguage(text: string): string | undefined {
  const words =
    text
      .slice(0, sample * 3)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  if (words.length < 40) return undefined;
  const scores = commonSets
    .map(([language, common]) => ({ language, common, score: words.reduce((sum, word) => sum + (common.has(word) ? 1 : 0), 0) }))
    .sort((a, b) => b.score - a.score);
  const [top, next] = scores;
  if (!top || top.score < words.length * 0.15) return undefined;
  if (!next || top.score >= next.score * 1.5) return top.language;
  const apart = (mine: ReadonlySet<string>, theirs: ReadonlySet<string>) =>
    words.reduce((sum, word) => sum + (mine.has(word) && !theirs.has(word) ? 1 : 0), 0);
  const [ownWords, otherWords] = [apart(top.common, next.common), apart(next.common, top.common)];
  return ownWords >= 5 && ownWords >= otherWords * 1.5
    ? top.language
    : otherWords >= 5 && otherWords >= ownWords * 1.5
      ? next.language
      : undefined;
}

/** The language a script names, telling apart the languages that share it where their letters do. */
function languageOf(script: string, text: string): string | undefined {
  const head = text.slice(0, sample * 2);
  if (script === 'Latn') return latinLanguage(head);
  if (script === 'Cyrl') {
    if (/[іїєґ]/iu.test(head)) return 'uk';
    if (/[ђћџљњј]/iu.test(head)) return 'sr';
    return /[ыэъё]/iu.test(head) ? 'ru' : undefined;
  }
  if (script === 'Arab') {
    if (/[ٹڈڑںےھ]/u.test(head)) return 'ur';
    if (/[پچژگ]/u.test(head) || /ی/u.test(head)) return 'fa';
    return 'ar';
  }
  return scripts.find(({ code }) => code === script)?.language;
}

/** Whether a text in `script` (as writtenIn names it) is written as `language` is (`zh` and Hani, `ja` and Kana, `en` and Latn). */
export function fitsLanguage(script: string, language: string): boolean {
  const own = scriptOf(language);
  if (!own) return true;
  return (writtenWith[own] ?? [own]).includes(script);
}
