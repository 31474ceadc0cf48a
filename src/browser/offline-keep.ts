import { fileSizeLabel } from '../shared/format.ts';
import type { Translate } from '../shared/i18n/strings.ts';
import { isShell, keepFiles, offlineFiles, offlineSize, parseOfflineList, sitePath, type OfflineList } from '../shared/offline.ts';
import { keptMarker, offlineCache } from '../shared/contract.ts';
import { joinBase } from '../shared/paths.ts';
import { siteStrings } from './strings.ts';
import { actionButton } from './controls.ts';

/**
 * "Keep the whole story offline" (on the home page and in the reading settings): every
 * published chapter, the entire work, search and what they load, kept in this browser's
 * cache, where the service worker (src/worker/service-worker.ts) finds them offline and keeps
 * them up to date with each release. The size is shown before anything is fetched, then the
 * progress. Shown only once the site's service worker is running; `ask`: with the size at once.
 */
export function offlineControls(t: Translate = siteStrings(), ask = false): HTMLFieldSetElement {
  const root = document.createElement('fieldset');
  root.className = 'keep-offline';
  root.hidden = true;
  root.append(Object.assign(document.createElement('legend'), { textContent: t('offline.legend') }));
  if ('caches' in window && 'serviceWorker' in navigator) void navigator.serviceWorker.ready.then(() => start(root, t, ask));
  return root;
}

const base = import.meta.env.BASE_URL;
const address = (path: string) => new URL(joinBase(base, path), location.origin).href;

async function start(root: HTMLElement, t: Translate, askNow: boolean): Promise<void> {
  const cache = await caches.open(offlineCache(base));
  const marker = keptMarker(location.origin, base);
  const status = Object.assign(document.createElement('p'), { className: 'keep-status' });
  status.setAttribute('role', 'status');
  const progress = Object.assign(document.createElement('progress'), { hidden: true });
  progress.setAttribute('aria-label', t('offline.keep'));
  const actions = Object.assign(document.createElement('p'), { className: 'keep-actions' });
  const show = (message: string, ...buttons: HTMLButtonElement[]) => {
    status.textContent = message;
    actions.replaceChildren(...buttons);
  };

  const offer = (message = '') =>
    show(
      message,
      actionButton(t('offline.keep'), () => void ask()),
    );
  const kept = () =>
    show(
      t('offline.done'),
      actionButton(t('offline.remove'), () => void remove()),
    );

  const ask = async () => {
    show('');
    const list = parseOfflineList(
      await fetch(address(offlineFiles.list), { cache: 'no-cache' }).then(
        (response) => response.text(),
        () => '',
      ),
    );
    if (!list) return offer(t('offline.failed'));
    show(
      t('offline.size', { size: fileSizeLabel(offlineSize(list), t) }),
      actionButton(t('offline.confirm'), () => void keep(list)),
      actionButton(t('offline.cancel'), () => offer()),
    );
    actions.querySelector('button')?.focus();
  };

  const keep = async (list: OfflineList) => {
    show('');
    progress.hidden = false;
    try {
      await keepFiles(
        Object.keys(list.files),
        cache,
        address,
        (url) => fetch(url, { cache: 'no-cache' }),
        (done, total) => {
          progress.max = total;
          progress.value = done;
          status.textContent = t('offline.progress', { done, total });
        },
      );
      await cache.put(marker, new Response(JSON.stringify(list)));
      kept();
    } catch {
      offer(t('offline.failed'));
    } finally {
      progress.hidden = true;
    }
  };

  // What every page needs offline stays (styles, scripts, the offline page): the rest goes.
  const remove = async () => {
    await cache.delete(marker);
    for (const request of await cache.keys()) {
      const path = sitePath(new URL(request.url), base) ?? '';
      if (!isShell(path) && path !== offlineFiles.list) await cache.delete(request);
    }
    offer(t('offline.removed'));
  };

  root.append(actions, progress, status);
  if (await cache.match(marker)) kept();
  // Pressed on the home page before these controls loaded: straight to the size.
  else if (askNow) await ask();
  else offer();
  root.hidden = false;
}
