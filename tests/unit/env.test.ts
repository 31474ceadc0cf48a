import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/build/env';

describe('readEnv', () => {
  it('defaults to content/ at the root of a domain', () => {
    const env = readEnv({}, '/project');
    expect(env.contentDir).toBe('/project/content');
    expect(env.basePath).toBe('/');
    expect(env.siteUrl).toBeUndefined();
  });

  it('normalises BASE_PATH to /path/', () => {
    expect(readEnv({ BASE_PATH: 'quire' }).basePath).toBe('/quire/');
    expect(readEnv({ BASE_PATH: '/quire/' }).basePath).toBe('/quire/');
  });

  it('reads BUILD_DATE and rejects a date that is not one', () => {
    expect(readEnv({ BUILD_DATE: '2026-01-31' }).buildDate.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(() => readEnv({ BUILD_DATE: 'soon' })).toThrow(/BUILD_DATE "soon" is not a date/);
  });

  it('rejects a SITE_URL that is not an absolute URL, or has a path', () => {
    expect(readEnv({ SITE_URL: 'https://example.org/' }).siteUrl).toBe('https://example.org');
    expect(() => readEnv({ SITE_URL: 'example.org' })).toThrow(/SITE_URL/);
    expect(() => readEnv({ SITE_URL: 'https://example.org/story' })).toThrow(/BASE_PATH/);
  });
});
