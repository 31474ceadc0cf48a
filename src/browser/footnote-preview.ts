import { decodeSafely } from '../shared/paths.ts';
import { adoptStyles } from './styles.ts';
import styles from './footnote-preview.css?inline';

/**
 * Footnotes shown where they are marked: a tap or click on a footnote's number (or a pause
 * over it with a mouse) opens the note beside it, instead of only jumping to the end of the
 * chapter; Escape or a tap elsewhere closes it, and a second click on the number jumps as
 * before. The notes stay at the end for reading without JavaScript and in print.
 */
export function previewFootnotes(text: HTMLElement): void {
  adoptStyles(styles);
  const preview = document.createElement('div');
  preview.className = 'footnote-preview';
  preview.popover = 'auto';
  preview.tabIndex = -1;
  preview.setAttribute('role', 'note');
  document.body.append(preview);
  let shownFor: HTMLAnchorElement | undefined;
  let timer: number | undefined;
  /** The number pressed while its note was open: its click goes to the note (the press itself closes the note). */
  let pressedOpen: HTMLAnchorElement | undefined;

  const show = (ref: HTMLAnchorElement, focus: boolean) => {
    const note = document.getElementById(decodeSafely(ref.hash.slice(1)));
    if (!note) return false;
    const copy = note.cloneNode(true) as HTMLElement;
    for (const back of copy.querySelectorAll('[data-footnote-backref]')) back.remove();
    copy.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
    preview.replaceChildren(...copy.childNodes);
    preview.setAttribute('aria-label', document.getElementById(ref.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    if (!preview.matches(':popover-open')) preview.showPopover();
    place(ref);
    shownFor = ref;
    if (focus) preview.focus();
    return true;
  };
  const place = (ref: HTMLElement) => {
    const mark = ref.getBoundingClientRect();
    const box = preview.getBoundingClientRect();
    const below = mark.bottom + 8;
    const top = below + box.height > innerHeight - 8 && mark.top - 8 - box.height > 8 ? mark.top - 8 - box.height : below;
    const rtl = getComputedStyle(ref).direction === 'rtl';
    const start = rtl ? mark.right - box.width : mark.left;
    preview.style.top = `${Math.max(8, top)}px`;
    preview.style.left = `${Math.min(Math.max(8, start), innerWidth - box.width - 8)}px`;
  };
  const hide = () => {
    if (preview.matches(':popover-open')) preview.hidePopover();
  };

  preview.addEventListener('toggle', (event) => {
    if ((event as ToggleEvent).newState === 'open') return;
    if (preview.contains(document.activeElement)) shownFor?.focus();
    shownFor = undefined;
  });
  text.addEventListener('click', (event) => {
    const ref = (event.target as Element).closest<HTMLAnchorElement>('a[data-footnote-ref]');
    if (!ref || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    // A second click on the same number goes to the note, as the link always did.
    const open = event.detail === 0 ? shownFor === ref && preview.matches(':popover-open') : pressedOpen === ref;
    pressedOpen = undefined;
    if (open) {
      hide();
      return;
    }
    if (show(ref, event.detail === 0)) event.preventDefault();
  });
  text.addEventListener('pointerdown', (event) => {
    const ref = (event.target as Element).closest<HTMLAnchorElement>('a[data-footnote-ref]');
    pressedOpen = ref && ref === shownFor && preview.matches(':popover-open') ? ref : undefined;
  });
  // A pause over the number with a mouse shows the note; moving off it (and off the note) hides it.
  const mouse = matchMedia('(hover: hover)');
  text.addEventListener('pointerover', (event) => {
    const ref = (event.target as Element).closest<HTMLAnchorElement>('a[data-footnote-ref]');
    if (!ref || !mouse.matches || event.pointerType !== 'mouse') return;
    clearTimeout(timer);
    timer = window.setTimeout(() => show(ref, false), 300);
  });
  const leave = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (!preview.matches(':hover') && !shownFor?.matches(':hover') && !preview.contains(document.activeElement)) hide();
    }, 400);
  };
  text.addEventListener('pointerout', leave);
  preview.addEventListener('pointerleave', leave);
}
