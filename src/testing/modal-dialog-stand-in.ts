import { afterAll, beforeAll } from 'vitest';

/**
 * Test-only: jsdom has no modal dialogs. This stands in for what the app's dialogs rely on:
 * `showModal()` opens the dialog, `close()` closes it and fires `close`. Focus trapping, Escape and
 * the return of focus are the browser's own, checked in Chromium by the end-to-end tests.
 */
export function standInForModalDialogs(): void {
  const native = {
    showModal: HTMLDialogElement.prototype.showModal,
    close: HTMLDialogElement.prototype.close,
  };
  beforeAll(() => {
    HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
      if (!this.open) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });
  afterAll(() => Object.assign(HTMLDialogElement.prototype, native));
}
