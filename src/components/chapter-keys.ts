/** ArrowLeft / ArrowRight turn to the previous / next chapter, like an e-reader. */
export function startChapterKeys(): void {
  addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    const link = document.querySelector<HTMLAnchorElement>(`a[rel="${event.key === 'ArrowLeft' ? 'prev' : 'next'}"]`);
    if (link) {
      event.preventDefault();
      link.click();
    }
  });
}
