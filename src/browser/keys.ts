/** Whether a key press belongs to a field the reader is typing in, where shortcuts must not act. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

/** Whether Ctrl, Alt or Meta is held (Shift is left out: some layouts need it to type "/"). */
export function hasCommandModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.altKey || event.metaKey;
}
