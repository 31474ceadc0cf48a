import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseDate } from '../core/dates.ts';

/** Build settings read from the environment, so tests and benchmarks can build other stories. */
export interface QuireEnv {
  /** Absolute path of the folder that holds `story.md` and `chapters/`. */
  contentDir: string;
  /** Astro `base`: the sub-path the site is served under (`/` at a domain's root). */
  basePath: string;
  /** Astro `site`: the absolute URL of the deployed site, when known. */
  siteUrl: string | undefined;
  /** Where `siteUrl` came from, for messages: `SITE_URL`, or the host's own variable. */
  siteUrlFrom: string | undefined;
  /** Whether this is a build on a CI or hosting service (`CI` set), where a missing address is worth a warning. */
  ci: boolean;
  /** The build's notion of "now", for scheduled chapters. */
  buildDate: Date;
  /** Where the site is written (`OUT_DIR`, tests and benchmarks build side by side), if not Astro's `dist/`. */
  outDir: string | undefined;
  /** Astro's cache folder, kept between builds: the content layer's store and Quire's rendered chapters. */
  cacheDir: string;
}

type Env = Record<string, string | undefined>;

/** A build setting (an environment variable) the build cannot use: the author's to fix, so it carries no stack trace. */
export class SettingError extends Error {
  override name = 'SettingError';
  constructor(message: string) {
    super(message);
    this.stack = '';
  }
}

/** The story's folder as `CONTENT_DIR` names it (`content` when unset), as given: what every command reads and writes unless told another. */
export function contentFolder(env: Env = process.env): string {
  return env.CONTENT_DIR?.trim() || 'content';
}

/** Reads and validates `CONTENT_DIR`, `BASE_PATH`, `SITE_URL` (or the host's address) and `BUILD_DATE`. */
export function readEnv(env: Env = process.env, cwd: string = process.cwd()): QuireEnv {
  const contentDir = resolve(cwd, contentFolder(env));
  const outDir = env.OUT_DIR?.trim() ? resolve(cwd, env.OUT_DIR.trim()) : undefined;
  if (outDir) checkOutDir(outDir, contentDir, cwd);
  const site = siteAddress(env);
  return {
    contentDir,
    basePath: normaliseBase(env.BASE_PATH),
    siteUrl: site && parseSiteUrl(site.url, site.from),
    siteUrlFrom: site?.from,
    ci: Boolean(env.CI?.trim()) && env.CI !== 'false' && env.CI !== '0',
    buildDate: parseBuildDate(env.BUILD_DATE),
    outDir,
    cacheDir: outDir ? `${outDir}-cache` : resolve(cwd, 'node_modules/.astro'),
  };
}

/**
 * The build's cache, for a command reading the story the build reads (`npm run check`, an
 * import into it), so the build after it renders nothing again; none for another folder,
 * whose renderings would crowd the story's out of the cache.
 */
export function buildCacheFor(env: QuireEnv, contentDir: string): string | undefined {
  return resolve(contentDir) === env.contentDir ? env.cacheDir : undefined;
}

/** Whether `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/**
 * The output folder is replaced whole by each build (a new site is written beside it and put
 * in its place), so it must be a folder of its own: not the story, not the project, not a
 * folder holding either, and not a folder of other files.
 */
function checkOutDir(outDir: string, contentDir: string, project: string): void {
  const refuse = (why: string) => {
    throw new SettingError(
      `OUT_DIR "${outDir}" ${why}; every build replaces that folder whole. Set OUT_DIR to a folder of its own, such as dist`,
    );
  };
  if (within(outDir, contentDir) || within(contentDir, outDir)) refuse('is, holds or lies inside the story (CONTENT_DIR)');
  if (within(project, outDir)) refuse('is or holds the project');
  // Vite takes a path that begins with the project's (`/home/ada/serial-site` beside `/home/ada/serial`)
  // for a file of the project, and the build then cannot find the project's packages.
  if (!within(outDir, project) && outDir.startsWith(project))
    throw new SettingError(
      `OUT_DIR "${outDir}" begins with the project's own path (${project}), which the build takes for a folder of the project and then cannot find its packages; name it so that it does not begin so, such as ${join(dirname(project), `site-${basename(project)}`)}, or use dist`,
    );
  for (const folder of ['src', 'public', 'tests', '.git', 'node_modules']) {
    // Under node_modules/ (its .cache) is where tests and benchmarks build; replacing node_modules itself is not.
    const inside = folder !== 'node_modules' && within(outDir, join(project, folder));
    if (inside || within(join(project, folder), outDir)) refuse(`is, holds or lies inside the project's ${folder}/`);
  }
  // A folder already there must be a site built before (a page and its assets), not other files.
  if (existsSync(outDir) && statSync(outDir).isDirectory()) {
    const entries = readdirSync(outDir).filter((name) => !['.DS_Store', 'Thumbs.db'].includes(name));
    if (entries.length > 0 && !(entries.includes('index.html') && entries.includes('_astro')))
      refuse('holds files that are not a site Quire built');
  } else if (existsSync(outDir)) {
    refuse('is a file');
  }
}

/** One folder name in a URL path: letters, digits and `-._~`, and not `.` or `..`. */
const pathSegment = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/;

function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split('/');
  if (!segments.every((segment) => pathSegment.test(segment))) {
    throw new SettingError(
      `BASE_PATH "${value}" must be a path of plain folder names (letters, digits, - . _ ~) such as /my-story or /stories/little-meg`,
    );
  }
  return `/${segments.join('/')}/`;
}

/**
 * The site's address: `SITE_URL`, else the address the host gives its builds — Netlify's
 * `URL` (`DEPLOY_PRIME_URL` for deploy previews and branch deploys), Cloudflare Pages'
 * `CF_PAGES_URL`, Vercel's `VERCEL_PROJECT_PRODUCTION_URL`. (GitHub Pages' comes from the
 * workflow, which sets `SITE_URL`.)
 */
function siteAddress(env: Env): { url: string; from: string } | undefined {
  const given = (name: string) => env[name]?.trim() || undefined;
  const from = (label: string, url: string | undefined) => (url ? { from: label, url } : undefined);
  const netlify = () =>
    given('CONTEXT') === 'production' || !given('DEPLOY_PRIME_URL')
      ? from('Netlify’s URL', given('URL'))
      : from('Netlify’s DEPLOY_PRIME_URL', given('DEPLOY_PRIME_URL'));
  // Vercel gives a host name, without the scheme.
  const vercel = given('VERCEL_PROJECT_PRODUCTION_URL')?.replace(/^(?!https?:\/\/)/, 'https://');
  return (
    from('SITE_URL', given('SITE_URL')) ??
    (given('NETLIFY') === 'true' ? netlify() : undefined) ??
    (given('CF_PAGES') ? from('Cloudflare Pages’ CF_PAGES_URL', given('CF_PAGES_URL')) : undefined) ??
    (given('VERCEL') ? from('Vercel’s VERCEL_PROJECT_PRODUCTION_URL', vercel) : undefined)
  );
}

function parseSiteUrl(value: string, from: string): string {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SettingError(`${from} "${value}" must be an absolute http(s) URL such as https://example.org`);
  }
  if (url.pathname !== '/') throw new SettingError(`${from} "${value}" has a path; set SITE_URL to the origin and BASE_PATH to the path`);
  return url.origin;
}

function parseBuildDate(value: string | undefined): Date {
  if (!value?.trim()) return new Date();
  const date = parseDate(value);
  if (!date) throw new SettingError(`BUILD_DATE "${value}" is not a date on the calendar; write it as 2026-01-31 (optionally with a time)`);
  return date;
}
