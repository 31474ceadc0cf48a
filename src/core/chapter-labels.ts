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
  /** Words for the volume, book or part a chapter belongs to, where a title names it first ("Volume 2, Chapter 15"). */
  volumes?: string[];
  /** A last chapter's label, without a number: "Final Chapter", "Capítulo final", "Letztes Kapitel". */
  final?: string[];
  /** Words for a part of a chapter, as serials split a long one: "Chapter 7, Part 2", "Kapitel 7 Teil 2". The first is the one titles are written with. */
  parts?: string[];
  /**
   * One, two, three… as the language's chapter titles write them in words ("Capítulo uno",
   * "Глава первая", "الفصل الأول"): the spellings of 1, then of 2…, each `|`-separated, cardinal
   * and ordinal in the label's gender. Read only after this language's own chapter words.
   */
  numbers?: string[];
  /**
   * First, second, third… as titles write them before the chapter's label ("Erstes Kapitel",
   * "Första kapitlet", "Eerste hoofdstuk"), as classic novels in these languages number their
   * chapters: the spellings of 1st, then of 2nd…, each `|`-separated.
   */
  ordinals?: string[];
  /**
   * First, second… as a part's heading writes them before its label, agreeing with it
   * ("Primera parte", "Première partie", "Zweiter Teil"): the spellings of 1st, then of 2nd…
   * Where a language has none, its `ordinals` ("Eerste deel", "První část").
   */
  volumeOrdinals?: string[];
}

/**
 * A chapter's part in the story's order: after the chapter and before the next (7, part 2 → 7.02),
 * to two places, as `order:` is written.
 */
export function partOrder(chapter: number, part: number): number {
  return Number((chapter + part / 100).toFixed(2));
}

/** The first word of each list is the one titles are written with. */
export const languages: Record<string, Words> = {
  en: {
    final: ['Final Chapter', 'The Final Chapter', 'Last Chapter', 'The Last Chapter'],
    parts: ['Part', 'Pt.', 'Pt'],
    volumes: ['Volume', 'Vol.', 'Vol', 'Book', 'Part', 'Arc', 'Season'],
    chapter: ['Chapter', 'Ch.', 'Ch', 'Chap.', 'Chap', 'Chp.', 'Chp', 'Episode', 'Ep.'],
    prologue: ['Prologue'],
    epilogue: ['Epilogue'],
    interlude: ['Interlude', 'Side Story', 'Sidestory', 'Bonus Chapter', 'Special Chapter', 'Extra Chapter', 'Omake'],
    notes: ["Author's Notes", "Author's Note", 'Authors Note', 'Author’s Note', 'A/N', 'AN'],
  },
  es: {
    final: ['Capítulo final', 'Último capítulo'],
    parts: ['Parte'],
    volumeOrdinals: [
      'primera|primer|primero',
      'segunda|segundo',
      'tercera|tercer|tercero',
      'cuarta|cuarto',
      'quinta|quinto',
      'sexta|sexto',
      'séptima|septima|séptimo|septimo',
      'octava|octavo',
      'novena|noveno',
      'décima|decima|décimo|decimo',
    ],
    volumes: ['Volumen', 'Vol.', 'Libro', 'Parte', 'Tomo', 'Arco', 'Temporada'],
    chapter: ['Capítulo', 'Capitulo', 'Cap.', 'Cap'],
    numbers: [
      'uno|un|primero|primer',
      'dos|segundo',
      'tres|tercero|tercer',
      'cuatro|cuarto',
      'cinco|quinto',
      'seis|sexto',
      'siete|séptimo|septimo',
      'ocho|octavo',
      'nueve|noveno',
      'diez|décimo|decimo',
      'once|undécimo|decimoprimero',
      'doce|duodécimo|decimosegundo',
      'trece|decimotercero',
      'catorce|decimocuarto',
      'quince|decimoquinto',
      'dieciséis|dieciseis|decimosexto',
      'diecisiete|decimoséptimo',
      'dieciocho|decimoctavo',
      'diecinueve|decimonoveno',
      'veinte|vigésimo',
      'veintiuno|veintiún',
      'veintidós|veintidos',
      'veintitrés|veintitres',
      'veinticuatro',
      'veinticinco',
      'veintiséis|veintiseis',
      'veintisiete',
      'veintiocho',
      'veintinueve',
      'treinta',
    ],
    prologue: ['Prólogo', 'Prologo'],
    epilogue: ['Epílogo', 'Epilogo'],
    interlude: ['Interludio'],
    notes: ['Nota de la autora', 'Nota del autor', 'Notas de la autora', 'Notas del autor', 'N/A', 'N. de A.'],
  },
  pt: {
    final: ['Capítulo final', 'Último capítulo'],
    parts: ['Parte'],
    volumeOrdinals: [
      'primeira|primeiro',
      'segunda|segundo',
      'terceira|terceiro',
      'quarta|quarto',
      'quinta|quinto',
      'sexta|sexto',
      'sétima|setima|sétimo|setimo',
      'oitava|oitavo',
      'nona|nono',
      'décima|decima|décimo|decimo',
    ],
    volumes: ['Volume', 'Vol.', 'Livro', 'Parte', 'Tomo', 'Arco', 'Temporada'],
    chapter: ['Capítulo', 'Capitulo', 'Cap.'],
    numbers: [
      'um|primeiro',
      'dois|segundo',
      'três|tres|terceiro',
      'quatro|quarto',
      'cinco|quinto',
      'seis|sexto',
      'sete|sétimo|setimo',
      'oito|oitavo',
      'nove|nono',
      'dez|décimo|decimo',
      'onze',
      'doze',
      'treze',
      'catorze|quatorze',
      'quinze',
      'dezesseis|dezasseis',
      'dezessete|dezassete',
      'dezoito',
      'dezenove|dezanove',
      'vinte',
    ],
    prologue: ['Prólogo'],
    epilogue: ['Epílogo'],
    interlude: ['Interlúdio', 'Interludio'],
    notes: ['Nota da autora', 'Nota do autor', 'Notas da autora', 'Notas do autor', 'N/A'],
  },
  fr: {
    final: ['Chapitre final', 'Dernier chapitre'],
    parts: ['Partie'],
    volumeOrdinals: [
      'première|premiere|premier',
      'deuxième|deuxieme|seconde|second',
      'troisième|troisieme',
      'quatrième|quatrieme',
      'cinquième|cinquieme',
      'sixième|sixieme',
      'septième|septieme',
      'huitième|huitieme',
      'neuvième|neuvieme',
      'dixième|dixieme',
    ],
    volumes: ['Volume', 'Vol.', 'Tome', 'Livre', 'Partie', 'Arc', 'Saison'],
    chapter: ['Chapitre', 'Chap.'],
    numbers: [
      'un|premier',
      'deux|deuxième|deuxieme|second',
      'trois|troisième|troisieme',
      'quatre|quatrième|quatrieme',
      'cinq|cinquième|cinquieme',
      'six|sixième|sixieme',
      'sept|septième|septieme',
      'huit|huitième|huitieme',
      'neuf|neuvième|neuvieme',
      'dix|dixième|dixieme',
      'onze|onzième',
      'douze|douzième',
      'treize|treizième',
      'quatorze|quatorzième',
      'quinze|quinzième',
      'seize|seizième',
      'dix-sept|dix-septième',
      'dix-huit|dix-huitième',
      'dix-neuf|dix-neuvième',
      'vingt|vingtième',
    ],
    prologue: ['Prologue'],
    epilogue: ['Épilogue', 'Epilogue'],
    interlude: ['Interlude'],
    notes: ["Note de l'autrice", "Note de l'auteur", 'Note de l’autrice', 'Note de l’auteur', 'NdA', 'N/A'],
  },
  it: {
    final: ['Capitolo finale', 'Ultimo capitolo'],
    parts: ['Parte'],
    volumeOrdinals: [
      'prima|primo',
      'seconda|secondo',
      'terza|terzo',
      'quarta|quarto',
      'quinta|quinto',
      'sesta|sesto',
      'settima|settimo',
      'ottava|ottavo',
      'nona|nono',
      'decima|decimo',
    ],
    volumes: ['Volume', 'Vol.', 'Libro', 'Parte', 'Tomo', 'Arco', 'Stagione'],
    chapter: ['Capitolo', 'Cap.'],
    numbers: [
      'uno|primo',
      'due|secondo',
      'tre|terzo',
      'quattro|quarto',
      'cinque|quinto',
      'sei|sesto',
      'sette|settimo',
      'otto|ottavo',
      'nove|nono',
      'dieci|decimo',
      'undici|undicesimo',
      'dodici|dodicesimo',
      'tredici|tredicesimo',
      'quattordici|quattordicesimo',
      'quindici|quindicesimo',
      'sedici|sedicesimo',
      'diciassette|diciassettesimo',
      'diciotto|diciottesimo',
      'diciannove|diciannovesimo',
      'venti|ventesimo',
    ],
    prologue: ['Prologo'],
    epilogue: ['Epilogo'],
    interlude: ['Interludio'],
    notes: ["Nota dell'autrice", "Nota dell'autore", 'Nota dell’autrice', 'Nota dell’autore', 'NdA', 'N/A'],
  },
  de: {
    final: ['Letztes Kapitel'],
    parts: ['Teil'],
    volumeOrdinals: [
      'erster|erstes|erste',
      'zweiter|zweites|zweite',
      'dritter|drittes|dritte',
      'vierter|viertes|vierte',
      'fünfter|fünftes|fünfte|fuenfter',
      'sechster|sechstes|sechste',
      'siebter|siebenter|siebtes|siebte',
      'achter|achtes|achte',
      'neunter|neuntes|neunte',
      'zehnter|zehntes|zehnte',
    ],
    volumes: ['Band', 'Bd.', 'Buch', 'Teil', 'Arc', 'Staffel'],
    chapter: ['Kapitel', 'Kap.'],
    numbers: [
      'eins',
      'zwei',
      'drei',
      'vier',
      'fünf|fuenf',
      'sechs',
      'sieben',
      'acht',
      'neun',
      'zehn',
      'elf',
      'zwölf|zwoelf',
      'dreizehn',
      'vierzehn',
      'fünfzehn',
      'sechzehn',
      'siebzehn',
      'achtzehn',
      'neunzehn',
      'zwanzig',
    ],
    ordinals: [
      'erstes|erste',
      'zweites|zweite',
      'drittes|dritte',
      'viertes|vierte',
      'fünftes|fünfte|fuenftes',
      'sechstes|sechste',
      'siebentes|siebtes|siebente|siebte',
      'achtes|achte',
      'neuntes|neunte',
      'zehntes|zehnte',
      'elftes|elfte',
      'zwölftes|zwölfte|zwoelftes',
      'dreizehntes|dreizehnte',
      'vierzehntes|vierzehnte',
      'fünfzehntes|fünfzehnte',
      'sechzehntes|sechzehnte',
      'siebzehntes|siebzehnte',
      'achtzehntes|achtzehnte',
      'neunzehntes|neunzehnte',
      'zwanzigstes|zwanzigste',
    ],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Zwischenspiel', 'Interludium'],
    notes: ['Anmerkung der Autorin', 'Anmerkung des Autors', 'Anmerkung', 'A/N'],
  },
  nl: {
    final: ['Laatste hoofdstuk'],
    parts: ['Deel'],
    volumes: ['Deel', 'Boek'],
    chapter: ['Hoofdstuk', 'Hfst.'],
    numbers: [
      'een|één',
      'twee',
      'drie',
      'vier',
      'vijf',
      'zes',
      'zeven',
      'acht',
      'negen',
      'tien',
      'elf',
      'twaalf',
      'dertien',
      'veertien',
      'vijftien',
      'zestien',
      'zeventien',
      'achttien',
      'negentien',
      'twintig',
    ],
    ordinals: [
      'eerste',
      'tweede',
      'derde',
      'vierde',
      'vijfde',
      'zesde',
      'zevende',
      'achtste',
      'negende',
      'tiende',
      'elfde',
      'twaalfde',
      'dertiende',
      'veertiende',
      'vijftiende',
      'zestiende',
      'zeventiende',
      'achttiende',
      'negentiende',
      'twintigste',
    ],
    prologue: ['Proloog'],
    epilogue: ['Epiloog'],
    interlude: ['Intermezzo'],
    notes: ['Noot van de auteur', 'Noot van de schrijver', 'A/N'],
  },
  pl: {
    final: ['Ostatni rozdział'],
    parts: ['Część'],
    volumeOrdinals: [
      'pierwsza|pierwszy',
      'druga|drugi',
      'trzecia|trzeci',
      'czwarta|czwarty',
      'piąta|piąty',
      'szósta|szósty',
      'siódma|siódmy',
      'ósma|ósmy',
      'dziewiąta|dziewiąty',
      'dziesiąta|dziesiąty',
    ],
    volumes: ['Tom', 'Księga', 'Część'],
    chapter: ['Rozdział', 'Rozdzial', 'Rozdz.'],
    numbers: [
      'pierwszy|jeden',
      'drugi|dwa',
      'trzeci|trzy',
      'czwarty|cztery',
      'piąty|pięć',
      'szósty|sześć',
      'siódmy|siedem',
      'ósmy|osiem',
      'dziewiąty|dziewięć',
      'dziesiąty|dziesięć',
      'jedenasty|jedenaście',
      'dwunasty|dwanaście',
      'trzynasty|trzynaście',
      'czternasty|czternaście',
      'piętnasty|piętnaście',
      'szesnasty|szesnaście',
      'siedemnasty|siedemnaście',
      'osiemnasty|osiemnaście',
      'dziewiętnasty|dziewiętnaście',
      'dwudziesty|dwadzieścia',
    ],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Interludium'],
    notes: ['Notka autorki', 'Notka autora', 'Od autorki', 'Od autora', 'N/A', 'A/N'],
  },
  ru: {
    final: ['Последняя глава', 'Заключительная глава'],
    parts: ['Часть'],
    volumes: ['Том', 'Книга', 'Часть', 'Арка'],
    chapter: ['Глава', 'Гл.'],
    numbers: [
      'первая|один|одна',
      'вторая|два|две',
      'третья|три',
      'четвёртая|четвертая|четыре',
      'пятая|пять',
      'шестая|шесть',
      'седьмая|семь',
      'восьмая|восемь',
      'девятая|девять',
      'десятая|десять',
      'одиннадцатая|одиннадцать',
      'двенадцатая|двенадцать',
      'тринадцатая|тринадцать',
      'четырнадцатая|четырнадцать',
      'пятнадцатая|пятнадцать',
      'шестнадцатая|шестнадцать',
      'семнадцатая|семнадцать',
      'восемнадцатая|восемнадцать',
      'девятнадцатая|девятнадцать',
      'двадцатая|двадцать',
    ],
    prologue: ['Пролог'],
    epilogue: ['Эпилог'],
    interlude: ['Интерлюдия'],
    notes: ['Примечание автора', 'Примечания автора', 'От автора', 'П/А'],
  },
  uk: {
    parts: ['Частина'],
    volumes: ['Том', 'Книга', 'Частина'],
    chapter: ['Розділ', 'Глава'],
    numbers: [
      'перший|перша|один',
      'другий|друга|два',
      'третій|третя|три',
      'четвертий|четверта|чотири',
      "п'ятий|п’ятий|п'ята|п’ята|п'ять|п’ять",
      'шостий|шоста|шість',
      'сьомий|сьома|сім',
      'восьмий|восьма|вісім',
      "дев'ятий|дев’ятий|дев'ята|дев’ята|дев'ять|дев’ять",
      'десятий|десята|десять',
    ],
    prologue: ['Пролог'],
    epilogue: ['Епілог'],
    interlude: ['Інтерлюдія'],
    notes: ['Примітка автора', 'Примітка авторки', 'Примітки автора', 'Примітки авторки', 'Від автора', 'Від авторки'],
  },
  tr: {
    ordinals: [
      'birinci',
      'ikinci',
      'üçüncü|ucuncu',
      'dördüncü|dorduncu',
      'beşinci|besinci',
      'altıncı|altinci',
      'yedinci',
      'sekizinci',
      'dokuzuncu',
      'onuncu',
    ],
    // "KISIM" in capitals is Kisim to a case-blind match (Turkish's capital of ı is I), as it is typed without Turkish letters.
    volumes: ['Cilt', 'Kitap', 'Kısım', 'Kisim'],
    chapter: ['Bölüm', 'Bolum'],
    numbers: [
      'bir|birinci',
      'iki|ikinci',
      'üç|üçüncü',
      'dört|dördüncü',
      'beş|beşinci',
      'altı|altıncı',
      'yedi|yedinci',
      'sekiz|sekizinci',
      'dokuz|dokuzuncu',
      'on|onuncu',
    ],
    prologue: ['Önsöz', 'Prolog'],
    epilogue: ['Sonsöz', 'Epilog'],
    interlude: ['Ara Bölüm'],
    notes: ['Yazarın Notu', 'Yazar Notu', 'Y/N'],
  },
  id: {
    parts: ['Bagian'],
    volumes: ['Volume', 'Jilid', 'Buku', 'Bagian'],
    chapter: ['Bab', 'Chapter'],
    numbers: [
      'satu|pertama',
      'dua|kedua',
      'tiga|ketiga',
      'empat|keempat',
      'lima|kelima',
      'enam|keenam',
      'tujuh|ketujuh',
      'delapan|kedelapan',
      'sembilan|kesembilan',
      'sepuluh|kesepuluh',
    ],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Selingan', 'Interlude'],
    notes: ['Catatan Penulis', 'Catatan Author', 'A/N'],
  },
  vi: {
    parts: ['Phần'],
    volumes: ['Quyển', 'Tập', 'Phần'],
    chapter: ['Chương', 'Chuong'],
    numbers: ['một|nhất', 'hai', 'ba', 'bốn|tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'],
    prologue: ['Mở đầu', 'Lời mở đầu'],
    epilogue: ['Vĩ thanh', 'Kết'],
    interlude: ['Ngoại truyện'],
    notes: ['Lời tác giả', 'Ghi chú của tác giả', 'Ghi chú tác giả', 'Tác giả', 'A/N'],
  },
  ar: {
    volumes: ['المجلد', 'مجلد', 'الجزء', 'جزء', 'الكتاب', 'القسم'],
    chapter: ['الفصل', 'فصل'],
    numbers: [
      'الأول|الاول|واحد',
      'الثاني|الثانى',
      'الثالث',
      'الرابع',
      'الخامس',
      'السادس',
      'السابع',
      'الثامن',
      'التاسع',
      'العاشر',
      'الحادي عشر|الحادى عشر',
      'الثاني عشر|الثانى عشر',
      'الثالث عشر',
      'الرابع عشر',
      'الخامس عشر',
      'السادس عشر',
      'السابع عشر',
      'الثامن عشر',
      'التاسع عشر',
      'العشرون',
    ],
    prologue: ['المقدمة', 'تمهيد'],
    epilogue: ['الخاتمة'],
    interlude: ['فاصل'],
    notes: ['ملاحظة الكاتبة', 'ملاحظة الكاتب', 'ملاحظة المؤلف'],
  },
  th: {
    volumes: ['เล่มที่', 'เล่ม', 'ภาคที่', 'ภาค'],
    chapter: ['บทที่', 'ตอนที่'],
    prologue: ['บทนำ', 'อารัมภบท'],
    epilogue: ['บทส่งท้าย', 'ปัจฉิมบท'],
    interlude: ['บทแทรก'],
    notes: ['หมายเหตุผู้เขียน', 'จากผู้เขียน', 'ผู้เขียน', 'A/N'],
  },
  cs: {
    parts: ['Část'],
    volumes: ['Díl', 'Kniha', 'Část', 'Svazek'],
    chapter: ['Kapitola', 'Kap.'],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Mezihra'],
    notes: ['Poznámka autorky', 'Poznámka autora', 'A/N'],
  },
  sk: {
    parts: ['Časť'],
    volumes: ['Diel', 'Kniha', 'Časť', 'Zväzok'],
    chapter: ['Kapitola', 'Kap.'],
    prologue: ['Prológ'],
    epilogue: ['Epilóg'],
    interlude: ['Medzihra'],
    notes: ['Poznámka autorky', 'Poznámka autora', 'A/N'],
  },
  fi: {
    chapter: ['Luku'],
    ordinals: [
      'ensimmäinen',
      'toinen',
      'kolmas',
      'neljäs',
      'viides',
      'kuudes',
      'seitsemäs',
      'kahdeksas',
      'yhdeksäs',
      'kymmenes',
      'yhdestoista',
      'kahdestoista',
      'kolmastoista',
      'neljästoista',
      'viidestoista',
      'kuudestoista',
      'seitsemästoista',
      'kahdeksastoista',
      'yhdeksästoista',
      'kahdeskymmenes',
    ],
    prologue: ['Prologi'],
    epilogue: ['Epilogi'],
    interlude: ['Välisoitto'],
    notes: ['Kirjoittajan huomautus', 'Kirjoittajan sana', 'A/N'],
  },
  sv: {
    parts: ['Del'],
    volumes: ['Del', 'Bok', 'Volym'],
    // "Första kapitlet": the chapter, as titles that number it first write it.
    chapter: ['Kapitel', 'Kap.', 'Kapitlet'],
    ordinals: [
      'första',
      'andra',
      'tredje',
      'fjärde',
      'femte',
      'sjätte',
      'sjunde',
      'åttonde',
      'nionde',
      'tionde',
      'elfte',
      'tolfte',
      'trettonde',
      'fjortonde',
      'femtonde',
      'sextonde',
      'sjuttonde',
      'artonde',
      'nittonde',
      'tjugonde',
    ],
    numbers: [
      'ett|en|första',
      'två|andra',
      'tre|tredje',
      'fyra|fjärde',
      'fem|femte',
      'sex|sjätte',
      'sju|sjunde',
      'åtta|åttonde',
      'nio|nionde',
      'tio|tionde',
    ],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Mellanspel'],
    notes: ['Författarens anteckning', 'Författarens kommentar', 'A/N'],
  },
  el: {
    parts: ['Μέρος'],
    volumes: ['Τόμος', 'Βιβλίο', 'Μέρος'],
    chapter: ['Κεφάλαιο', 'Κεφ.'],
    prologue: ['Πρόλογος'],
    epilogue: ['Επίλογος'],
    interlude: ['Ιντερλούδιο', 'Ιντερμέτζο'],
    notes: ['Σημείωση της συγγραφέως', 'Σημείωση του συγγραφέα', 'Σ/Σ'],
  },
  hr: {
    parts: ['Dio'],
    volumes: ['Knjiga', 'Svezak', 'Dio'],
    chapter: ['Poglavlje', 'Pogl.'],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Međuigra'],
    notes: ['Bilješka autorice', 'Bilješka autora', 'A/N'],
  },
  sr: {
    parts: ['Део'],
    volumes: ['Књига', 'Том', 'Део'],
    chapter: ['Поглавље', 'Глава'],
    prologue: ['Пролог'],
    epilogue: ['Епилог'],
    interlude: ['Интерлудијум'],
    notes: ['Белешка ауторке', 'Белешка аутора'],
  },
  ro: {
    parts: ['Partea'],
    volumes: ['Volumul', 'Cartea', 'Partea'],
    chapter: ['Capitolul', 'Capitol', 'Cap.'],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Interludiu'],
    notes: ['Nota autoarei', 'Nota autorului', 'N/A'],
  },
  ca: {
    parts: ['Part'],
    volumes: ['Volum', 'Llibre', 'Part'],
    chapter: ['Capítol', 'Capitol', 'Cap.'],
    prologue: ['Pròleg', 'Proleg'],
    epilogue: ['Epíleg', 'Epileg'],
    interlude: ['Interludi'],
    notes: ["Nota de l'autora", "Nota de l'autor", 'N/A'],
  },
  tl: {
    chapter: ['Kabanata'],
    prologue: ['Prologo', 'Panimula'],
    epilogue: ['Epilogo'],
    interlude: ['Interlude'],
    notes: ['Paalala ng may-akda', 'A/N'],
  },
  hi: {
    parts: ['भाग'],
    volumes: ['खंड', 'पुस्तक', 'भाग'],
    chapter: ['अध्याय'],
    prologue: ['प्रस्तावना'],
    epilogue: ['उपसंहार'],
    interlude: ['अंतराल'],
    notes: ['लेखक की टिप्पणी', 'लेखिका की टिप्पणी'],
  },
  fa: {
    volumes: ['جلد', 'بخش', 'کتاب', 'دفتر'],
    chapter: ['فصل'],
    numbers: [
      'اول|یکم|یک',
      'دوم|دو',
      'سوم|سه',
      'چهارم|چهار',
      'پنجم|پنج',
      'ششم|شش',
      'هفتم|هفت',
      'هشتم|هشت',
      'نهم|نه',
      'دهم|ده',
      'یازدهم|یازده',
      'دوازدهم|دوازده',
      'سیزدهم|سیزده',
      'چهاردهم|چهارده',
      'پانزدهم|پانزده',
      'شانزدهم|شانزده',
      'هفدهم|هفده',
      'هجدهم|هیجدهم|هجده|هیجده',
      'نوزدهم|نوزده',
      'بیستم|بیست',
    ],
    prologue: ['پیش‌درآمد', 'پیشگفتار', 'پیش‌گفتار'],
    epilogue: ['مؤخره', 'سخن پایانی'],
    interlude: ['میان‌پرده'],
    notes: ['یادداشت نویسنده'],
  },
  hu: {
    volumes: ['Kötet', 'Könyv', 'Rész'],
    chapter: ['Fejezet'],
    prologue: ['Prológus'],
    epilogue: ['Epilógus'],
    interlude: ['Közjáték'],
    notes: ['A szerző megjegyzése', 'Szerzői megjegyzés'],
  },
  nb: {
    parts: ['Del'],
    chapter: ['Kapittel', 'Kap.', 'Kapitlet', 'Kapittelet'],
    ordinals: [
      'første',
      'andre',
      'tredje',
      'fjerde',
      'femte',
      'sjette',
      'sjuende|syvende',
      'åttende',
      'niende',
      'tiende',
      'ellevte',
      'tolvte',
      'trettende',
      'fjortende',
      'femtende',
      'sekstende',
      'syttende',
      'attende',
      'nittende',
      'tjuende|tyvende',
    ],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Mellomspill'],
    notes: ['Forfatterens notat', 'Forfatterens kommentar', 'A/N'],
  },
  da: {
    parts: ['Del'],
    chapter: ['Kapitel', 'Kap.'],
    ordinals: [
      'første',
      'anden|andet',
      'tredje',
      'fjerde',
      'femte',
      'sjette',
      'syvende',
      'ottende',
      'niende',
      'tiende',
      'ellevte',
      'tolvte',
      'trettende',
      'fjortende',
      'femtende',
      'sekstende',
      'syttende',
      'attende',
      'nittende',
      'tyvende',
    ],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Mellemspil'],
    notes: ['Forfatterens note', 'Forfatterens kommentar', 'A/N'],
  },
  he: {
    volumes: ['כרך', 'חלק', 'ספר'],
    chapter: ['פרק'],
    numbers: [
      'ראשון|אחד|אחת',
      'שני|שתיים|שניים',
      'שלישי|שלוש|שלושה',
      'רביעי|ארבע|ארבעה',
      'חמישי|חמש|חמישה',
      'שישי|שש|שישה',
      'שביעי|שבע|שבעה',
      'שמיני|שמונה',
      'תשיעי|תשע|תשעה',
      'עשירי|עשר|עשרה',
    ],
    prologue: ['פרולוג'],
    epilogue: ['אפילוג'],
    interlude: ['אינטרלוד'],
    notes: ['הערת הכותבת', 'הערת הכותב', 'הערת המחבר'],
  },
  sl: {
    chapter: ['Poglavje'],
    prologue: ['Prolog'],
    epilogue: ['Epilog'],
    interlude: ['Medigra'],
    notes: ['Opomba avtorice', 'Opomba avtorja'],
  },
  lt: {
    chapter: ['Skyrius'],
    prologue: ['Prologas'],
    epilogue: ['Epilogas'],
    interlude: ['Intarpas'],
    notes: ['Autorės pastaba', 'Autoriaus pastaba'],
  },
  lv: {
    chapter: ['Nodaļa'],
    prologue: ['Prologs'],
    epilogue: ['Epilogs'],
    interlude: ['Starpspēle'],
    notes: ['Autores piezīme', 'Autora piezīme'],
  },
  et: { chapter: ['Peatükk'], prologue: ['Proloog'], epilogue: ['Epiloog'], interlude: ['Vahepala'], notes: ['Autori märkus'] },
  is: { chapter: ['Kafli'], prologue: ['Formáli'], epilogue: ['Eftirmáli'], interlude: ['Millispil'], notes: ['Athugasemd höfundar'] },
  sq: {
    chapter: ['Kapitulli'],
    prologue: ['Prologu'],
    epilogue: ['Epilogu'],
    interlude: [],
    notes: ['Shënim i autores', 'Shënim i autorit'],
  },
  be: { chapter: ['Раздзел'], prologue: ['Пралог'], epilogue: ['Эпілог'], interlude: [], notes: ['Заўвага аўтара'] },
  az: { chapter: ['Fəsil'], prologue: ['Proloq'], epilogue: ['Epiloq'], interlude: [], notes: ['Müəllifin qeydi'] },
  af: { chapter: ['Hoofstuk'], prologue: ['Proloog'], epilogue: ['Epiloog'], interlude: [], notes: ['Skrywer se nota'] },
  cy: { chapter: ['Pennod'], prologue: ['Prolog'], epilogue: ['Epilog'], interlude: [], notes: ['Nodyn yr awdur'] },
  ga: { chapter: ['Caibidil'], prologue: ['Brollach'], epilogue: ['Iarfhocal'], interlude: [], notes: ['Nóta an údair'] },
  eu: {
    chapter: ['Kapitulua', 'Atala'],
    prologue: ['Hitzaurrea', 'Prologoa'],
    epilogue: ['Epilogoa'],
    interlude: [],
    notes: ['Egilearen oharra'],
  },
  eo: { chapter: ['Ĉapitro'], prologue: ['Prologo'], epilogue: ['Epilogo'], interlude: [], notes: ['Noto de la aŭtoro'] },
  sw: { chapter: ['Sura ya', 'Sura'], prologue: ['Utangulizi'], epilogue: ['Hitimisho'], interlude: [], notes: ['Maelezo ya mwandishi'] },
  ka: { chapter: ['თავი'], prologue: ['პროლოგი'], epilogue: ['ეპილოგი'], interlude: ['ინტერლუდია'], notes: ['ავტორის შენიშვნა'] },
  hy: { chapter: ['Գլուխ'], prologue: ['Նախաբան'], epilogue: ['Վերջաբան'], interlude: [], notes: ['Հեղինակի նշում'] },
  ur: { chapter: ['باب'], prologue: ['پیش لفظ', 'تمہید'], epilogue: ['اختتامیہ'], interlude: [], notes: ['مصنف کا نوٹ'] },
  bn: {
    chapter: ['অধ্যায়', 'পর্ব'],
    prologue: ['ভূমিকা', 'প্রস্তাবনা'],
    epilogue: ['উপসংহার'],
    interlude: [],
    notes: ['লেখকের কথা', 'লেখকের নোট'],
  },
  mr: { chapter: ['प्रकरण'], prologue: ['प्रस्तावना'], epilogue: ['उपसंहार'], interlude: [], notes: ['लेखकाची टीप'] },
  ta: { chapter: ['அத்தியாயம்'], prologue: ['முன்னுரை'], epilogue: ['பின்னுரை'], interlude: [], notes: ['ஆசிரியர் குறிப்பு'] },
};

/**
 * Words for a chapter that are no spelling or short form of their language's first word but a
 * label of their own (Thai web novels number "episodes", ตอนที่; serials add side stories and
 * bonus chapters between their chapters): read as their kind, and kept as the author wrote them.
 */
export const ownLabels = ['ตอนที่', 'Side Story', 'Sidestory', 'Bonus Chapter', 'Special Chapter', 'Extra Chapter', 'Omake'];

/** Chinese, Japanese and Korean named headings; their numbered ones are in the grammar below. */
export const cjkNamed: Record<'prologue' | 'epilogue' | 'interlude', string[]> = {
  prologue: ['序章', '楔子', '序', 'プロローグ', '프롤로그'],
  epilogue: ['尾声', '尾聲', '终章', '終章', '后记', '後記', 'エピローグ', '에필로그'],
  // And the side stories web novels add between chapters or after the last: 番外, 閑話, 외전.
  interlude: ['间章', '間章', '幕间', '幕間', 'インタールード', '막간', '番外篇', '番外編', '番外', '閑話', '闲话', '외전'],
};
export const cjkNotes = [
  '作者的话',
  '作者的話',
  '作者有话要说',
  '作者有話要說',
  '作者有话说',
  '作者有話說',
  '作者按',
  'あとがき',
  '作者より',
  '前書き',
  '작가의 말',
];

/** Number words the grammar reads as chapter numbers ("Chapter Twelve", "Chapter forty-two"). */
export const numberWords = {
  units: [
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
  ],
  tens: ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
};

/** The longest line taken for a heading that has no chapter number: real serials have 140-character chapter titles. */
export const maxTitleLine = 250;

/** Every word of one kind in every language, longest first (so "Chapter" is tried before "Ch"). */
export const wordsOf = (pick: (words: Words) => string[]) =>
  [...new Set(Object.values(languages).flatMap(pick))].sort((a, b) => b.length - a.length);
/**
 * Words as alternatives of a case-blind pattern, longest first. An `i` matches Turkish's dotted
 * capital İ too ("İkinci Kısım", "BİRİNCİ BÖLÜM"), which no case folding makes an i.
 */
const alternatives = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => RegExp.escape(word).replace(/\\x69|i/g, '[iİ]'))
    .join('|');

const { units, tens } = numberWords;

/** Each language's words for 1, 2, 3… of one kind (`numbers`, `ordinals`), lower case, with their values. */
const wordValues = (pick: (words: Words) => string[] | undefined) =>
  new Map(
    Object.entries(languages).map(([code, words]) => [
      code,
      new Map(
        (pick(words) ?? []).flatMap((spellings, index) => spellings.split('|').map((word) => [word.toLowerCase(), index + 1] as const)),
      ),
    ]),
  );
/** Every word of such a table, in any language. */
const allWordsOf = (values: ReturnType<typeof wordValues>) => [...new Set([...values.values()].flatMap((words) => [...words.keys()]))];

const namedNumbers = wordValues((words) => words.numbers);
const allNamedNumbers = allWordsOf(namedNumbers);
/** Ordinals written before the label. */
const ordinalWords = wordValues((words) => words.ordinals);
const allOrdinals = allWordsOf(ordinalWords);

/** The languages a chapter label is a word of ("Kapitel": German, Swedish, Danish). */
const labelLanguages = (label: string): string[] =>
  Object.keys(languages).filter((code) => languages[code]!.chapter.some((candidate) => candidate.toLowerCase() === label.toLowerCase()));

/** The value of `word` in the first of these languages' tables that has it. */
const valueIn = (values: ReturnType<typeof wordValues>, codes: readonly string[], word: string): number | undefined =>
  codes.map((code) => values.get(code)?.get(word.replace(/İ/g, 'i').toLowerCase())).find((value) => value !== undefined);

/**
 * The value of an ordinal written in words before a chapter label: 1 for "Erstes" and "Kapitel",
 * 2 for "Andra" and "kapitlet"; in the languages the label is a word of first, then in any
 * ("Første kapitel" is Danish or Norwegian).
 */
export function ordinalNumber(label: string, word: string): number | undefined {
  return valueIn(ordinalWords, [...labelLanguages(label), ...Object.keys(languages)], word);
}

/**
 * The value of a number written in words after a chapter label, in the languages that label
 * is a word of: 1 for "Capítulo" and "uno", 1 for "الفصل" and "الأول"; undefined for a word
 * that is no number in the label's languages ("Capitolo" and "Otto" is 8, "Chapter" and "Otto" a name).
 */
export function namedNumber(label: string, word: string): number | undefined {
  return valueIn(namedNumbers, labelLanguages(label), word);
}

/** A number in digits (in any script: "12", "١٢", "๑๒"), roman numerals or English words. */
const belowHundred = String.raw`(?:${[...units.slice(1), ...tens.slice(2)].join('|')})(?:[-\s](?:${units.slice(1, 10).join('|')}))?`;
/**
 * A number in Hebrew letters, as Hebrew books number their chapters ("פרק א׳", "פרק י״ב"): letters
 * marked as a number (geresh after one letter, gershayim before the last), or one letter alone,
 * which is no Hebrew word.
 */
export const hebrewNumeral = String.raw`[א-ת]{1,3}[״"][א-ת]|[א-ת][׳'](?![\p{L}\p{N}])|[א-ת](?![\p{L}\p{N}'"׳״])`;
/** A number in digits (`12`, `4.5`, `1,000`), in Roman numerals, in Hebrew letters, or in English words to the hundreds ("One Hundred and Two"). */
const anyLanguageNumber = String.raw`${hebrewNumeral}|\p{Nd}{1,3}(?:,\p{Nd}{3})+(?!\p{Nd})|\p{Nd}+(?:[.,]\p{Nd}+)?|[ivxlc]+|(?:${units.slice(1, 10).join('|')})[-\s]hundred(?:[-\s](?:and[-\s])?${belowHundred})?|${belowHundred}`;
/** A chapter's number in digits with a letter for its part, as serials split a long chapter: "7a", "7b". */
const lettered = String.raw`\p{Nd}+[a-z](?![\p{L}\p{N}])`;
const anyLanguage = new RegExp(`^(?:${lettered}|${anyLanguageNumber})$`, 'iu');
const number = String.raw`(${anyLanguageNumber}|${alternatives(allNamedNumbers)})`;
// The title is trimmed: its name runs to the end (a lazy name before `\s*$` would try every split of a run of spaces).
/**
 * What stands between a chapter's label and its name: a colon, a point (not one inside a number's
 * name, "Interlude 1.x" as serials number theirs), a dash (typed `--` too, as plain text writes
 * one), a tilde, a bar, a dot or a guillemet, or a slash between spaces.
 */
const separator = String.raw`(?:--|[:\-–—~|·•»]|\.(?![\p{L}\p{N}])|\s\/(?=\s))`;
const rest = String.raw`(?:\s*${separator}\s*(.+))?$`;
// After a chapter's number, a name may follow a space alone ("Chapter 3 The Lake", "บทที่ 3 ทะเลสาบ"):
// a short one that neither starts in lower case nor ends as a sentence does ("Chapter 3 was long" is prose).
const spacedName = String.raw`\s+(\S(?:.{0,78}[^\s.!?…。！？,;:])?)`;
/**
 * A part of a chapter after its number, as serials split a long one: ", Part 2", " part 2", " - Pt. 2",
 * " (Part II)", " Teil 2", ", Part 2 of 3" (in digits, Roman numerals or English words): the part's
 * word and number. A name may follow after a separator, not after a space alone. After a colon,
 * "Part 2" is the chapter's name, as AO3 titles a chapter its author named so ("Chapter 7: Part 2").
 */
const chapterPart = String.raw`(?:(?:\s*[,\-–—]\s*|\s+|\s*\(\s*)(?<partWord>${alternatives(wordsOf((w) => w.parts ?? []))})\s*(?<part>\p{Nd}{1,2}|[ivx]{1,5}|${belowHundred})(?:\s*\/\s*\p{Nd}+|\s+of\s+\p{Nd}+)?\)?(?=\s*(?:${separator}|$)))?`;
/** Digits as CJK titles write them. */
const cjkDigits = '[0-9０-９〇零一二三四五六七八九十百千两兩]';
/** A volume's or part's label in Chinese, Japanese or Korean: `第一卷`, `卷一`, `第2部`, `제1권`, `제1부`, `1권`. */
const cjkVolume = String.raw`(?:第\s*${cjkDigits}+\s*[卷部集]|卷\s*${cjkDigits}+|제\s*[0-9]+\s*[권부]|[0-9]+\s*권)`;

const forms = {
  /**
   * "Chapter 12: The Lake", "Ch. XII - The Lake", "Chapter 12 The Lake", "Capítulo cuatro", "Chapter #4", "Chapter 4/10", "Chapter 4 of 10",
   * "Chapter 7b", and a part of one: "Chapter 7, Part 2", "Chapter 7 part 2: The Lake", "Kapitel 7 (Teil 2)".
   */
  numbered: new RegExp(
    String.raw`^(${alternatives(wordsOf((w) => w.chapter))})\s*(?:#|No\.?\s*|Nº\s*|n°\s*)?(${lettered}|${anyLanguageNumber}|${alternatives(allNamedNumbers)})(?:\s*\/\s*(?:\p{Nd}+|\?)|\s+of\s+\p{Nd}+)?${chapterPart}(?:\s*${separator}\s*(.+)|${spacedName})?$`,
    'iu',
  ),
  /** "Volume 2, Chapter 15: The Duel", "Book 1 - Chapter 3", "Arc 2 Ch. 5": the volume, book or part first, then the chapter's label and number. */
  volume: new RegExp(
    String.raw`^((?:${alternatives(wordsOf((w) => w.volumes ?? []))})\s*(?:${anyLanguageNumber})\s*(?:--|[,:\-–—])?\s*(${alternatives(wordsOf((w) => w.chapter))})\s*(${anyLanguageNumber}))${rest}`,
    'iu',
  ),
  /**
   * "1. fejezet: Kezdet", "3. Kapitel – Der See", "2. Bölüm": the number first, as an ordinal, as Hungarian,
   * German, Czech and Turkish titles write it; or in words ("Erstes Kapitel", "Första kapitlet").
   */
  ordinal: new RegExp(
    String.raw`^(?:(\p{Nd}+)\.\s*|(${alternatives(allOrdinals)})\s+)(${alternatives(wordsOf((w) => w.chapter))})${rest}`,
    'iu',
  ),
  /** `第4章 湖`, `第十二章：归来`, `제4장`, `4화`, `1話 出会い`. */
  'cjk-numbered':
    /^(?:第\s*([0-9０-９〇零一二三四五六七八九十百千两兩]+)\s*[章话話回节節幕部]|제\s*([0-9]+)\s*[장화부]|([0-9]+)\s*화|([0-9０-９]+)\s*話(?=[\s\u3000:：]|$))(?:\s*[:：.、．\-—–]?\s*(.*))?$/u,
  /** `第一卷 第三章 归来`, `第一部 第三話`, `제1권 제3장`: the volume's number, then the chapter's, as web novels number chapters anew in each volume. */
  'cjk-volume': new RegExp(
    String.raw`^(${cjkVolume}\s*(?:第\s*(${cjkDigits}+)\s*[章话話回节節幕]|제\s*([0-9]+)\s*[장화]|([0-9]+)\s*화))(?:\s*[:：.、．\-—–]?\s*(.*))?$`,
    'u',
  ),
  /**
   * "Prologue", "Epílogo: Años después", "Interlude - Letters", and numbered as serials have several: "Interlude 2: Lisa", "Interlude 3½",
   * "Interlude 1.x", "Epilogue II"; in parts ("Epilogue, Part 2"); a name in brackets after a space ("Interlude 3½ (Bonus)").
   */
  named: new RegExp(
    String.raw`^(${alternatives(wordsOf((w) => [...w.prologue, ...w.epilogue, ...w.interlude]))})(?:\s*(?:${anyLanguageNumber})(?:[½¼¾]|\.\p{L}(?![\p{L}\p{N}]))?|\s*[½¼¾])?${chapterPart}(?:\s*${separator}\s*(.+)|\s+([([].*))?$`,
    'iu',
  ),
  /** `序章`, `エピローグ：その後`. */
  // A number may follow the word (`番外一`, `외전 2화`), and the name a space or a separator: `閑話` and an ideographic space before `猫の一日`, never prose run on (`序章が…`).
  'cjk-named': new RegExp(
    String.raw`^((${alternatives(Object.values(cjkNamed).flat())})(?:\s*[0-9０-９〇零一二三四五六七八九十百千两兩]+\s*[话話章篇화]?)?)(?:(?:\s+|\s*[:：\-—–、．.]\s*)(.+))?$`,
    'u',
  ),
  /** A last chapter without a number: "Final Chapter", "The Last Chapter: Home", "Capítulo final". */
  final: new RegExp(String.raw`^(${alternatives(wordsOf((w) => w.final ?? []))})(?:\s*${separator}\s*(.+))?$`, 'iu'),
  /** A chapter word, a number written in words, a colon: "الفصل الأول: البداية", "Chapter the First: A Storm". */
  worded: new RegExp(String.raw`^(?:${alternatives(wordsOf((w) => w.chapter))})\s+[^\s:：]+(?:\s+[^\s:：]+){0,2}\s*[:：]\s*(.+)$`, 'iu'),
};

/** Each language's first, second… as a part's heading writes them, agreeing with its word ("Primera", "Prima", "Pierwsza"). */
const volumeOrdinalWords = allWordsOf(wordValues((words) => words.volumeOrdinals ?? words.ordinals));

/**
 * A volume's, book's or part's heading alone: "PART TWO: THE HILLS", "Book 1", "Том 2. Север",
 * its ordinal after the word as Italian, Spanish and Polish may write it ("Parte prima",
 * "Parte primera", "Część pierwsza").
 */
const volumeHeading = new RegExp(
  String.raw`^(?:${alternatives(wordsOf((w) => w.volumes ?? []))})\s*(?:${number}|(?:${alternatives(volumeOrdinalWords)})(?![\p{L}\p{N}]))${rest}`,
  'iu',
);

/** A part's heading with its ordinal first, as Romance languages and German write it: "Primera parte", "Première partie", "Zweiter Teil", "2. Teil". */
const volumeOrdinalHeading = new RegExp(
  String.raw`^(?:\p{Nd}+\.\s*|(?:${alternatives(volumeOrdinalWords)})\s+)(?:${alternatives(wordsOf((w) => w.volumes ?? []))})${rest}`,
  'iu',
);

/** A CJK volume's label alone: `第一卷`, `卷一`, `第2部`, `제1권`, `1권`. */
const cjkVolumeHeading = new RegExp(String.raw`^(${cjkVolume})(?:\s*[:：.、．\-—–]?\s*(.+))?$`, 'u');

/**
 * The label of a line that heads a volume, book or part of the story (which chapters follow),
 * not a chapter: "PART TWO" of "PART TWO: THE HILLS", "Vol. 2" of "Vol. 2", "Primera parte" of
 * "Primera parte: El río"; undefined for any other line.
 */
export function volumeLabel(line: string): string | undefined {
  const text = line.trim();
  if (text.length > maxTitleLine) return undefined;
  const found = volumeHeading.exec(text) ?? cjkVolumeHeading.exec(text);
  // The label as the grammar's titles have theirs: what comes before the name, less the separator.
  if (found) return match(text, 'named', 'chapter', undefined, found[1], found[2]).label;
  const ordinal = volumeOrdinalHeading.exec(text);
  return ordinal ? match(text, 'named', 'chapter', undefined, undefined, ordinal[1]).label : undefined;
}

/** A title as the grammar reads it. */
export interface TitleMatch {
  /** Which of the grammar's forms it has: a numbered chapter (number after the label, or before it as an ordinal, or under a volume's), a named one (prologue, epilogue, interlude), in Latin or another script, a last chapter unnumbered, or a chapter numbered in words. */
  form: keyof typeof forms;
  kind: 'prologue' | 'chapter' | 'interlude' | 'epilogue';
  /** The label's word as written ("Ch.", "capítulo", "序章"); absent for CJK numbered and worded labels. */
  word: string | undefined;
  /** The chapter number as written ("12", "XII", "twenty-one", "四"), for the numbered forms. */
  number: string | undefined;
  /** The label as written: "Chapter 12", "第4章", "الفصل الأول", "Prologue". */
  label: string;
  /** What stands between the label and the name as written (": ", " : ", " — ", "、"); empty without a name. */
  separator: string;
  /** What follows the label, if anything: "The Lake". */
  name: string | undefined;
  /** The part of a chapter its title names after the number, as written ("Part" and "2" of "Chapter 7, Part 2"). */
  part?: { word: string; number: string } | undefined;
}

/**
 * The chapter-title grammar, in every language of the data above: the one reading of a
 * title that the site (label set apart from name) and the importer (title lines) share.
 * Undefined when the text is not a chapter heading.
 */
export function readTitle(title: string): TitleMatch | undefined {
  const text = title.trim();
  const numbered = forms.numbered.exec(text);
  if (
    numbered &&
    !(numbered[6] && /^\p{Ll}/u.test(numbered[6])) &&
    // A number in words is one in the label's own language: "Chapter Otto" is no eighth chapter.
    (anyLanguage.test(numbered[2]!) || namedNumber(numbered[1]!, numbered[2]!) !== undefined)
  ) {
    const found = match(text, 'numbered', 'chapter', numbered[1], numbered[2], numbered[5] ?? numbered[6]);
    const { partWord, part } = numbered.groups!;
    return partWord && part ? { ...found, part: { word: partWord, number: part } } : found;
  }
  const volume = forms.volume.exec(text);
  if (volume) return match(text, 'volume', 'chapter', volume[2], volume[3], volume[4]);
  const ordinal = forms.ordinal.exec(text);
  if (ordinal) return match(text, 'ordinal', 'chapter', ordinal[3], ordinal[1] ?? ordinal[2], ordinal[4]);
  // Longer than this, a line that has no chapter number is prose, whatever it starts with.
  if (text.length > maxTitleLine * 4) return undefined;
  const cjkVolumeTitle = forms['cjk-volume'].exec(text);
  if (cjkVolumeTitle)
    return match(text, 'cjk-volume', 'chapter', undefined, cjkVolumeTitle[2] ?? cjkVolumeTitle[3] ?? cjkVolumeTitle[4], cjkVolumeTitle[5]);
  const cjk = forms['cjk-numbered'].exec(text);
  if (cjk) return match(text, 'cjk-numbered', 'chapter', undefined, cjk[1] ?? cjk[2] ?? cjk[3] ?? cjk[4], cjk[5]);
  const final = forms.final.exec(text);
  if (final) return match(text, 'final', 'chapter', final[1], undefined, final[2]);
  const named = forms.named.exec(text);
  if (named) return match(text, 'named', kindOf(named[1]!), named[1], undefined, named[4] ?? named[5]);
  const cjkWord = forms['cjk-named'].exec(text);
  // The label (the word and its number, `番外一`), the word alone (`番外`), the name.
  if (cjkWord) return match(text, 'cjk-named', kindOf(cjkWord[2]!), cjkWord[1], undefined, cjkWord[3]);
  const worded = forms.worded.exec(text);
  if (worded) return match(text, 'worded', 'chapter', undefined, undefined, worded[1]);
  return undefined;
}

function match(
  text: string,
  form: TitleMatch['form'],
  kind: TitleMatch['kind'],
  word: string | undefined,
  number: string | undefined,
  rest: string | undefined,
): TitleMatch {
  const name = rest?.trim() || undefined;
  // The name ends the (trimmed) title; the label is what comes before it, less the separator.
  const at = name ? text.length - name.length : text.length;
  const label = text
    .slice(0, at)
    .replace(/[\s:：.、．\-–—~]+$/u, '')
    .trim();
  return { form, kind, word, number, label, separator: text.slice(label.length, at), name };
}

function kindOf(word: string): 'prologue' | 'epilogue' | 'interlude' {
  const lower = word.toLowerCase();
  return (['prologue', 'epilogue', 'interlude'] as const).find(
    (kind) => cjkNamed[kind].includes(word) || wordsOf((w) => w[kind]).some((candidate) => candidate.toLowerCase() === lower),
  )!;
}

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
 * Splits "Chapter 5: A short one—showing…" into its label and its name. A title that is only
 * a label ("Chapter 5", "Epilogue") or has none ("The Lake") is its own name.
 */
export function titleParts(title: string): TitleParts {
  const found = readTitle(title);
  return found?.name && found.label
    ? { label: found.label, name: found.name, separator: found.separator }
    : { label: undefined, name: title.trim(), separator: '' };
}

/** How long a name is, for setting it smaller as it grows, as books do: short, long, very long. */
export function titleLength(name: string): 'short' | 'long' | 'very-long' {
  const length = Array.from(name).length * (cjkCharacter.test(name) ? 2 : 1);
  return length > 90 ? 'very-long' : length > 40 ? 'long' : 'short';
}
