/** `localStorage`, or nothing where the browser refuses it (private modes, disabled storage). */
export function safeStorage(): Storage | undefined {
  try {
    const storage = window.localStorage;
    const probe = '__quire__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
