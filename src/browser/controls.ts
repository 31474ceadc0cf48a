/**
 * A button for an action, in the controls scripts build (the reading settings, keeping the
 * story offline, reading aloud), styled as the site's other secondary buttons (`.button`,
 * src/styles/global.css).
 */
export function actionButton(text: string, action: () => void): HTMLButtonElement {
  const element = Object.assign(document.createElement('button'), { type: 'button', className: 'button', textContent: text });
  element.addEventListener('click', action);
  return element;
}
