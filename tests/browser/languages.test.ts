import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, lightAndDarkViolations } from '../support/axe';
import { desktop, phone, settled, useBrowserSite } from '../support/browser';

describe('searching a Japanese story', () => {
  const site = useBrowserSite('ja');

  it('finds what was typed without spaces, marks exactly it, and lands on it in the chapter', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url('search/?q=あそぼう'));
    const results = page.locator('.results > li');
    await expect.poll(() => results.count()).toBe(2);
    // Each excerpt marks the word typed, not the pieces a segmenter cut it into (あ, そ, ぼう).
    expect(await page.locator('.results .hits mark').allTextContents()).toEqual(['あそぼう', 'あそぼう']);
    expect(await page.locator('.results .hits a').first().textContent()).toMatch(/「あそぼう」/);

    await page.locator('.results .hits a').last().click();
    await page.waitForURL(/\/chapter-1\/\?highlight=.*#p-2$/);
    const mark = page.locator('#chapter-text mark.current');
    await expect.poll(() => mark.textContent()).toBe('あそぼう');
    expect(await mark.evaluate((element) => element.closest('p')?.id)).toBe('p-2');
    expect(await page.locator('#chapter-text mark').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('finds a name written as one run of characters, in every chapter that has it', async () => {
    const { page } = await site.open();
    await page.goto(site.url('search/?q=ニャンコ先生'));
    await expect.poll(() => page.locator('.results > li').count()).toBe(3);
    expect(new Set(await page.locator('.results .hits mark').allTextContents())).toEqual(new Set(['ニャンコ先生']));
    // The chapter with a Japanese address is reached and highlighted too.
    await page.locator('.results > li', { hasText: '雪だるま' }).locator('.hits a').first().click();
    await page.waitForURL((url) => decodeURIComponent(url.pathname) === '/雪だるま/');
    await expect.poll(() => page.locator('#chapter-text mark').first().textContent()).toBe('ニャンコ先生');
  });

  it('passes axe on the home page, a chapter and the search page', async () => {
    const { page } = await site.open(phone);
    for (const path of ['', 'chapter-1/', 'search/?q=手紙']) {
      await page.goto(site.url(path));
      await settled(page);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});

describe('searching a Chinese story', () => {
  const site = useBrowserSite('zh');

  it('finds and marks a word in the middle of a sentence, on the search page and in the chapter', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url('search/?q=灯笼'));
    await expect.poll(() => page.locator('.results .hits mark').count()).toBeGreaterThan(0);
    expect(new Set(await page.locator('.results .hits mark').allTextContents())).toEqual(new Set(['灯笼']));
    await page.locator('.results .hits a').first().click();
    await page.waitForURL(/\/chapter-1\/\?highlight=/);
    await expect.poll(() => page.locator('#chapter-text mark').count()).toBeGreaterThan(1);
    expect(new Set(await page.locator('#chapter-text mark').allTextContents())).toEqual(new Set(['灯笼']));
    expect(errors).toEqual([]);
  });
});

describe('an Arabic story, right to left', () => {
  const site = useBrowserSite('ar');

  it('lays the page out right to left, with "next" on the left', async () => {
    const { page } = await site.open();
    await page.goto(site.url('chapter-2/'));
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    const nav = page.locator('quire-chapter-nav').first();
    const previous = await nav.locator('a[rel="prev"]').boundingBox();
    await page.goto(site.url('chapter-1/'));
    const next = await page.locator('quire-chapter-nav').first().locator('a[rel="next"]').boundingBox();
    expect(previous!.x).toBeGreaterThan(next!.x);
  });

  it('sets an English passage of the author’s left to right, aligned to its own start', async () => {
    const { page } = await site.open();
    await page.goto(site.url('chapter-1/'));
    // As the site renders `<div lang="en">` in an Arabic chapter (src/markdown/rehype-passage-languages.ts).
    const align = await page.evaluate(() => {
      const passage = Object.assign(document.createElement('div'), { lang: 'en', dir: 'ltr', innerHTML: '<p>An English line.</p>' });
      document.querySelector('#chapter-text')!.append(passage);
      const line = passage.firstElementChild!;
      const text = document.createRange();
      text.selectNodeContents(line);
      return { direction: getComputedStyle(line).direction, left: text.getBoundingClientRect().left - line.getBoundingClientRect().left };
    });
    expect(align).toEqual({ direction: 'ltr', left: 0 });
  });

  it('turns chapters with the arrow keys the way the text reads: ← is next', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url('chapter-1/'));
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL(/\/chapter-2\/$/);
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\/chapter-1\/$/);
    expect(errors).toEqual([]);
  });

  it('passes axe in light and dark, on phone and desktop', async () => {
    for (const view of [phone, desktop]) {
      const { page } = await site.open({ ...view, colorScheme: 'light' });
      for (const path of ['', 'chapter-1/', 'search/?q=الرسائل', '404.html']) {
        expect(await lightAndDarkViolations(page, site.url(path)), path).toEqual({ light: [], dark: [] });
      }
    }
  });
});

describe('a Hebrew story with a chapter titled in Latin letters', () => {
  const site = useBrowserSite('he');

  it('shows the title in its own order ("Hello, world!", not "!Hello, world") in the contents, the chapter links and the menu', async () => {
    const { page } = await site.open();
    /** Where the title's "!" is against its "H", with the title put in the page as the site renders it. */
    const exclamationAfter = (selector: string) =>
      page.evaluate((selector) => {
        const element = document.querySelector(selector)!;
        element.closest('details')?.setAttribute('open', '');
        element.textContent = 'Hello, world!';
        const box = (at: number) => {
          const range = document.createRange();
          range.setStart(element.firstChild!, at);
          range.setEnd(element.firstChild!, at + 1);
          return range.getBoundingClientRect().left;
        };
        return box(12) > box(0);
      }, selector);
    await page.goto(site.url(''));
    expect(await exclamationAfter('.toc .title-name')).toBe(true);
    await page.goto(site.url('chapter-2/'));
    expect(await exclamationAfter('.chapter-nav .title')).toBe(true);
    expect(await exclamationAfter('.chapter-nav .menu a')).toBe(true);
    expect(await exclamationAfter('h1 .title-name')).toBe(true);
  });
});

describe('a Spanish story', () => {
  const site = useBrowserSite('es');

  it('finds a word typed without its accent and passes axe', async () => {
    const { page } = await site.open();
    await page.goto(site.url('search/?q=violin'));
    await settled(page);
    expect(await page.locator('.status').textContent()).toMatch(/contiene|contienen/);
    for (const path of ['', 'capitulo-1/', 'search/?q=violín']) {
      await page.goto(site.url(path));
      await settled(page);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});

describe('words behind prefixes (Hebrew, Arabic)', () => {
  const hebrew = useBrowserSite('he');
  const arabic = useBrowserSite('ar');

  const titles = async (page: Page) => (await page.locator('.results > li h2').allTextContents()).sort();

  it('finds a Hebrew word written with ב, ה, ל before it, and not a longer word that only starts the same', async () => {
    const { page, errors } = await hebrew.open();
    await page.goto(hebrew.url(`search/?q=${encodeURIComponent('מגדלור')}`));
    await settled(page);
    // במגדלור and המגדלור in the first chapter, למגדלור in the second.
    expect(await titles(page)).toEqual(['פרק ראשון: הסערה', 'פרק שני: הסירה']);
    // ים (sea): הים and בים, never בימים (in the days) in the third chapter.
    await page.goto(hebrew.url(`search/?q=${encodeURIComponent('ים')}`));
    await settled(page);
    expect(await titles(page)).toEqual(['פרק ראשון: הסערה', 'פרק שני: הסירה']);

    await page.goto(hebrew.url(`search/?q=${encodeURIComponent('מגדלור')}`));
    await settled(page);
    await page.locator('.results > li', { hasText: 'הסערה' }).locator('.hits a').first().click();
    await page.waitForSelector('#chapter-text mark');
    expect(await page.locator('#chapter-text mark').allTextContents()).toEqual(['במגדלור', 'המגדלור']);
    expect(errors).toEqual([]);
  });

  it('finds a quoted Hebrew phrase whose first word is written with a prefix, and marks it as a phrase', async () => {
    const { page, errors } = await hebrew.open();
    // "המגדלור חצה" (the lighthouse's [beam] crossed) in the first chapter, searched as "מגדלור חצה".
    await page.goto(hebrew.url(`search/?q=${encodeURIComponent('"מגדלור חצה"')}`));
    await settled(page);
    expect(await titles(page)).toEqual(['פרק ראשון: הסערה']);
    expect(await page.locator('.results .hits mark').allTextContents()).toEqual(['המגדלור', 'חצה']);
    await page.locator('.results > li .hits a').first().click();
    await page.waitForSelector('#chapter-text mark');
    expect(await page.locator('#chapter-text mark').allTextContents()).toEqual(['המגדלור חצה']);
    expect(errors).toEqual([]);
  });

  it('finds an Arabic word written with ال or بال before it', async () => {
    const { page } = await arabic.open();
    await page.goto(arabic.url(`search/?q=${encodeURIComponent('رسائل')}`));
    await settled(page);
    expect((await titles(page)).length).toBeGreaterThan(0);
    await page.locator('.results > li .hits a').first().click();
    await page.waitForSelector('#chapter-text mark');
    const marked = await page.locator('#chapter-text mark').allTextContents();
    expect(marked).toContain('بالرسائل');
    expect(marked.every((word) => word.endsWith('رسائل'))).toBe(true);
  });
});

describe('searching a Thai story, written without spaces', () => {
  const site = useBrowserSite('th');

  it('finds a word inside a run of text, shows it whole in the excerpt, counts in Thai, and marks exactly it in the chapter', async () => {
    const { page, errors } = await site.open();
    await page.goto(site.url(`search/?q=${encodeURIComponent('ทะเล')}`));
    await settled(page);
    expect(await page.locator('.status').textContent()).toBe('มี 1 ตอนที่มีคำว่า “ทะเล”');
    expect(await page.locator('.results > li h2').allTextContents()).toEqual(['ตอนที่ 1: ประภาคาร']);
    expect(await page.locator('.results .matches').first().textContent()).toBe('พบ 1 แห่ง');
    expect(await page.locator('.results .hits mark').allTextContents()).toEqual(['ทะเล']);
    expect(await page.locator('.results .hits a').first().textContent()).toContain('มองออกไปที่ทะเลอันมืดมิด');

    await page.locator('.results .hits a').first().click();
    await page.waitForSelector('#chapter-text mark');
    expect(await page.locator('#chapter-text mark').allTextContents()).toEqual(['ทะเล']);
    expect(errors).toEqual([]);
  });

  it('never marks a word inside another: ประ is not ประตู nor ประภาคาร', async () => {
    const { page } = await site.open();
    await page.goto(site.url(`chapter-1/?highlight=${encodeURIComponent('ประตู')}`));
    await page.waitForSelector('#chapter-text mark');
    expect(await page.locator('#chapter-text mark').allTextContents()).toEqual(['ประตู']);
    await page.goto(site.url(`chapter-1/?highlight=${encodeURIComponent('ประ')}`));
    await settled(page);
    expect(await page.locator('#chapter-text mark').count()).toBe(0);
  });
});

describe('the Legible font where it cannot draw the text', () => {
  const site = useBrowserSite('ar');

  it('is not offered in the reading settings of an Arabic story', async () => {
    const { page } = await site.open();
    await page.goto(site.url('chapter-1/'));
    await settled(page);
    await page.locator('.reader-settings summary').click();
    await page.locator('.settings-panel input[name="font"]').first().waitFor();
    expect(
      await page
        .locator('.settings-panel input[name="font"]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(['serif', 'sans']);
  });
});
