import { describe, expect, it } from 'vitest';
import { isStub, scriptStubs } from '../../src/integrations/script-stubs.ts';

const chunk = (more: Partial<Parameters<typeof isStub>[0]> = {}) => ({
  isEntry: true,
  imports: ['_astro/chapter.C2BEBAHY.js'],
  dynamicImports: [],
  exports: [],
  modules: { '/src/components/ChapterNav.astro?astro&type=script&index=0&lang.ts': { renderedLength: 0 } },
  ...more,
});

describe('script stubs', () => {
  it('are entries that only import shared chunks', () => {
    expect(isStub(chunk())).toBe(true);
    expect(
      isStub(chunk({ modules: { '/src/components/SearchForm.astro?astro&type=script&index=0&lang.ts': { renderedLength: 120 } } })),
    ).toBe(false);
    expect(isStub(chunk({ isEntry: false }))).toBe(false);
    expect(isStub(chunk({ imports: [] }))).toBe(false);
    expect(isStub(chunk({ dynamicImports: ['_astro/read-aloud.js'] }))).toBe(false);
    expect(isStub(chunk({ exports: ['default'] }))).toBe(false);
  });

  it('import what they stand for from the site’s root under its base path, and nothing else, so Astro can write them into the page', () => {
    const plugin = scriptStubs();
    (plugin.configResolved as (config: { base: string }) => void)({ base: '/quire/' });
    const stub = { type: 'chunk', fileName: '_astro/ChapterNav.js', code: 'import"./chapter.C2BEBAHY.js";', ...chunk() };
    const own = {
      type: 'chunk',
      fileName: '_astro/SearchForm.js',
      code: 'customElements.define(…)',
      ...chunk({ modules: { x: { renderedLength: 30 } } }),
    };
    (plugin.generateBundle as (options: unknown, bundle: Record<string, typeof stub>) => void)({}, { a: stub, b: own });
    expect(stub.code).toBe('import"/quire/_astro/chapter.C2BEBAHY.js";');
    expect(stub.imports).toEqual([]);
    expect(own.code).toBe('customElements.define(…)');
    expect(own.imports).toEqual(['_astro/chapter.C2BEBAHY.js']);
  });
});
