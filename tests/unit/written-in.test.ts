import { describe, expect, it } from 'vitest';
import { chineseCharacters, fitsLanguage, latinLanguage, writtenIn } from '../../src/core/written-in';
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
    // Latin letters name no one language: too few words to tell by.
    ['She came in from the rain, and nobody answered her at all.', 'Latn', undefined],
  ])('%s', (text, script, language) => {
    expect(writtenIn(text)).toEqual({ script, language });
  });

  // The same passage in each language: told by how often its most common words come.
  it.each([
    [
      'en',
      'She came in from the rain and nobody answered her. The keeper was on the stair with his lamp, and he did not turn. It was late, and the sea was loud against the rocks. She had waited for this night for a long time, but now that it was here she did not know what to say to him.',
    ],
    [
      'fr',
      "Elle entra sans bruit et personne ne lui répondit. Le gardien était dans l'escalier avec sa lampe, et il ne se retourna pas. Il était tard, et la mer grondait contre les rochers. Elle avait attendu cette nuit depuis longtemps, mais maintenant qu'elle était là, elle ne savait pas quoi lui dire.",
    ],
    [
      'de',
      'Sie kam aus dem Regen herein, und niemand antwortete ihr. Der Wärter stand mit seiner Lampe auf der Treppe, und er drehte sich nicht um. Es war spät, und das Meer war laut an den Felsen. Sie hatte lange auf diese Nacht gewartet, aber jetzt, da sie da war, wusste sie nicht, was sie ihm sagen sollte.',
    ],
    [
      'es',
      'Entró de la lluvia y nadie le respondió. El guardián estaba en la escalera con su lámpara, y no se volvió. Era tarde, y el mar golpeaba contra las rocas. Había esperado esta noche durante mucho tiempo, pero ahora que había llegado no sabía qué decirle.',
    ],
    [
      'it',
      'Entrò dalla pioggia e nessuno le rispose. Il guardiano era sulla scala con la sua lampada, e non si voltò. Era tardi, e il mare batteva contro gli scogli. Aveva aspettato questa notte per molto tempo, ma ora che era arrivata non sapeva che cosa dirgli.',
    ],
    [
      'pt',
      'Ela entrou da chuva e ninguém lhe respondeu. O guardião estava na escada com a sua lâmpada, e não se virou. Era tarde, e o mar batia contra as rochas. Ela tinha esperado por esta noite durante muito tempo, mas agora que ela tinha chegado não sabia o que lhe dizer.',
    ],
    [
      'nl',
      'Ze kwam binnen uit de regen en niemand gaf haar antwoord. De wachter stond op de trap met zijn lamp, en hij draaide zich niet om. Het was laat, en de zee was luid tegen de rotsen. Ze had lang op deze nacht gewacht, maar nu het zover was wist ze niet wat ze tegen hem moest zeggen.',
    ],
    [
      'pl',
      'Weszła z deszczu i nikt jej nie odpowiedział. Strażnik stał na schodach z lampą i nie odwrócił się. Było późno, a morze biło o skały. Czekała na tę noc od dawna, ale teraz, kiedy już nadeszła, nie wiedziała, co mu powiedzieć. To nie było łatwe, a on był już zmęczony i tak samo jak ona nie wiedział, co jest prawdą.',
    ],
    [
      'tr',
      'Yağmurdan içeri girdi ve kimse ona cevap vermedi. Bekçi elinde lambasıyla merdivendeydi ve dönmedi. Geç olmuştu ve deniz kayalara çarpıyordu. Bu geceyi çok uzun zamandır bekliyordu ama şimdi gelmişti ve ona ne diyeceğini bilmiyordu. Bu bir sır değil, ama o da bunu bilmiyordu ve ben de bilmiyordum.',
    ],
    [
      'id',
      'Dia masuk dari hujan dan tidak ada yang menjawabnya. Penjaga itu ada di tangga dengan lampunya, dan dia tidak berbalik. Sudah larut, dan laut itu berisik di batu karang. Dia sudah menunggu malam ini untuk waktu yang lama, tetapi sekarang malam itu sudah datang dan dia tidak tahu apa yang akan dia katakan kepadanya.',
    ],
    [
      'vi',
      'Cô bước vào từ trong mưa và không có ai trả lời cô. Người gác đèn đứng trên cầu thang với cây đèn của anh, và anh không quay lại. Trời đã khuya, và biển đập vào những tảng đá. Cô đã chờ đêm này rất lâu, nhưng bây giờ khi nó đã đến, cô không biết phải nói gì với anh.',
    ],
    [
      'sv',
      'Hon kom in från regnet och ingen svarade henne. Fyrvaktaren stod i trappan med sin lampa, och han vände sig inte om. Det var sent, och havet var högt mot klipporna. Hon hade väntat på den här natten länge, men nu när den var här visste hon inte vad hon skulle säga till honom.',
    ],
    // Filipino (Tagalog), the language of many of Wattpad's stories.
    [
      'fil',
      'Pumasok siya mula sa ulan at walang sumagot sa kanya. Ang bantay ay nasa hagdan kasama ang kanyang lampara, at hindi siya lumingon. Gabi na, at ang dagat ay humahampas sa mga bato. Matagal na niyang hinintay ang gabing ito, pero ngayong dumating na, hindi niya alam kung ano ang sasabihin niya sa kanya. Hindi ko alam, sabi niya, pero nandito lang ako para sa iyo.',
    ],
    // Danish and Norwegian share most of their common words: the ones they do not share tell them apart.
    [
      'da',
      'Hun kom ind fra regnen, og ingen svarede hende. Fyrpasseren stod på trappen med sin lampe, og han vendte sig ikke om. Det var sent, og havet slog mod klipperne. Hun havde ventet på denne nat længe, men nu hvor den var kommet, vidste hun ikke, hvad hun skulle sige til ham. Efter en stund blev det mørkt, og hun sagde ikke noget af det, hun havde tænkt at sige.',
    ],
    [
      'nb',
      'Hun kom inn fra regnet, og ingen svarte henne. Fyrvokteren sto i trappen med lampen sin, og han snudde seg ikke. Det var sent, og havet slo mot klippene. Hun hadde ventet på denne natten lenge, men nå som den var kommet, visste hun ikke hva hun skulle si til ham. Etter en stund ble det mørkt, og hun sa ikke noe av det hun hadde tenkt å si.',
    ],
    [
      'fi',
      'Hän tuli sisään sateesta, eikä kukaan vastannut hänelle. Vartija oli portaissa lamppunsa kanssa, eikä hän kääntynyt. Oli myöhä, ja meri pauhasi kallioita vasten. Hän oli odottanut tätä yötä kauan, mutta nyt kun se oli tullut, hän ei tiennyt mitä sanoa. Se ei ollut helppoa, ja niin hän vain seisoi siinä kun tuuli oli jo kylmä.',
    ],
    [
      'cs',
      'Vešla z deště a nikdo jí neodpověděl. Strážce stál na schodech se svou lampou a neotočil se. Bylo pozdě a moře bušilo do skal. Na tuhle noc čekala dlouho, ale teď, když přišla, nevěděla, co mu má říct. Ale to je jak to je, a tak se na něj jen dívala, že by to ani on sám nevěděl.',
    ],
    [
      'hu',
      'Bejött az esőből, és senki sem válaszolt neki. Az őr a lépcsőn állt a lámpájával, és nem fordult meg. Késő volt, és a tenger a sziklákhoz csapódott. Régóta várta ezt az éjszakát, de most, hogy itt volt, nem tudta, mit mondjon neki. Ez nem volt könnyű, és az is igaz, hogy már csak egy lámpa égett.',
    ],
    [
      'ro',
      'Ea a intrat din ploaie și nimeni nu i-a răspuns. Paznicul era pe scară cu lampa lui și nu s-a întors. Era târziu, și marea lovea în stânci. Ea așteptase această noapte de mult timp, dar acum că venise nu știa ce să-i spună. Nu era ușor, și pe de altă parte era un om bun cu o inimă mare.',
    ],
  ])('in Latin letters, %s by its most common words', (language, text) => {
    expect(writtenIn(text)).toEqual({ script: 'Latn', language });
    // A passage of another language's dialogue inside does not change it.
    expect(latinLanguage(`${text} « Je ne sais pas, » dit-elle. "I do not know," he said. ${text}`)).toBe(language);
  });

  it('tells Chinese in traditional characters (zh-Hant) from simplified (zh), and says which only when one clearly outnumbers the other', () => {
    const traditional =
      '她從雨中走進來，沒有人回答她。守燈人站在樓梯上，手裡拿著燈，他沒有回頭。她等這一夜等了很久，但現在夜來了，她卻不知道該對他說什麼。';
    const simplified =
      '她从雨中走进来，没有人回答她。守灯人站在楼梯上，手里拿着灯，他没有回头。她等这一夜等了很久，但现在夜来了，她却不知道该对他说什么。';
    expect(writtenIn(traditional)).toEqual({ script: 'Hani', language: 'zh-Hant' });
    expect(writtenIn(simplified)).toEqual({ script: 'Hani', language: 'zh' });
    expect(chineseCharacters(traditional)).toBe('traditional');
    expect(chineseCharacters(simplified)).toBe('simplified');
    expect(chineseCharacters(`${traditional}${simplified}`)).toBeUndefined();
    expect(chineseCharacters('灯塔上的人')).toBeUndefined();
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
    // In Latin letters, by its words: a French chapter is French.
    const french = await readInput(
      makeDocx([
        paragraph('Chapitre 1 : La brume'),
        paragraph(
          "Elle entra sans bruit et personne ne lui répondit. Le gardien était dans l'escalier avec sa lampe, et il ne se retourna pas. Il était tard, et la mer grondait contre les rochers. Elle avait attendu cette nuit depuis longtemps, mais maintenant qu'elle était là, elle ne savait pas quoi lui dire.",
        ),
        paragraph('Chapitre 2 : La lettre'),
        paragraph('La lettre était sur la table.'),
      ]),
      'histoire.docx',
    );
    expect((await planImport(french, [])).story).toMatch(/^language: fr$/m);
  });
});
