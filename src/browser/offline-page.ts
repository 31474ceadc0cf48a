import { offlineCache } from '../shared/contract.ts';

/**
 * On the offline page: leaves in `list` only the pages kept on this device, or shows `none`
 * when there are none. (Without the Cache API, nothing is kept and the list stays whole.)
 */
export async function showKeptPages(list: HTMLElement, none: HTMLElement): Promise<void> {
  if (!('caches' in window)) return;
  const cache = await caches.open(offlineCache(import.meta.env.BASE_URL));
  const items = [...list.querySelectorAll('li')];
  const kept = await Promise.all(items.map(async (item) => Boolean(await cache.match(item.querySelector('a')!.href))));
  items.forEach((item, index) => {
    if (!kept[index]) item.remove();
  });
  none.hidden = kept.some(Boolean);
}
