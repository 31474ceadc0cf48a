import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Launches headless Chromium: `CHROMIUM_PATH` if set, else the system's Chromium if
 * installed, else the one shipped inside `@sparticuz/chromium` (so `npm test` needs no
 * system browser).
 */
export async function launchBrowser(): Promise<Browser> {
  const common = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];
  const system = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (system) return chromium.launch({ executablePath: system, args: common });
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Its defaults target serverless hosts: drop the flags that kill the browser with a
  // context (--single-process) or hide CSP bugs (--disable-web-security and friends).
  const dropped = new Set(['--single-process', '--disable-web-security', '--allow-running-insecure-content']);
  const args = [...sparticuz.args.filter((arg) => !dropped.has(arg.split('=')[0] ?? arg)), ...common];
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args, headless: true });
}
