import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';

/**
 * Launches headless Chromium: `CHROMIUM_PATH` if set, else the system's Chromium if
 * installed, else the one shipped inside `@sparticuz/chromium` (so `npm test` needs no
 * system browser).
 */
export async function launchBrowser(args: string[] = []): Promise<Browser> {
  const launch = async () => chromium.launch({ executablePath: await chromiumPath(), args: [...chromiumFlags(), ...args], headless: true });
  // The bundled Chromium, started from its zygote, now and then dies as it starts (SIGSEGV, about
  // one start in a few hundred while other browsers run): a browser that never started is started again.
  return launch().catch((error: unknown) => (/SIGSEGV|has been closed/.test(String(error)) ? launch() : Promise.reject(error)));
}

const systemChromium = () =>
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** The Chromium binary to run: `CHROMIUM_PATH`, the system's, or the one inside `@sparticuz/chromium`. */
export async function chromiumPath(): Promise<string> {
  const system = systemChromium();
  if (system) return system;
  const { default: sparticuz } = await import('@sparticuz/chromium');
  return sparticuz.executablePath();
}

/**
 * Flags for a headless Chromium on a machine without network or GPU. For the bundled
 * Chromium, its own flags, minus those meant for serverless hosts that kill the browser with
 * a context (--single-process), start every page's process from scratch (--no-zygote: twice
 * the CPU of forking it from the zygote, which the tests' many pages felt) or hide CSP bugs
 * (--disable-web-security and friends).
 */
export function chromiumFlags(): string[] {
  const common = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (systemChromium()) return common;
  const dropped = new Set([
    '--single-process',
    '--no-zygote',
    '--disable-web-security',
    '--allow-running-insecure-content',
    '--headless',
    '--headless=shell',
  ]);
  return [...new Set([...sparticuzArgs().filter((arg) => !dropped.has(arg) && !dropped.has(arg.split('=')[0]!)), ...common])];
}

/** `@sparticuz/chromium`'s recommended flags, read synchronously. */
function sparticuzArgs(): string[] {
  const sparticuz = createRequire(import.meta.url)('@sparticuz/chromium') as { default?: { args: string[] }; args?: string[] };
  return (sparticuz.default ?? sparticuz).args ?? [];
}
