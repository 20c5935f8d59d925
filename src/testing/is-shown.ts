/**
 * Test-only: whether an element a query found is shown to the rep, in the page and inside nothing
 * hidden (`hidden`, `aria-hidden`). A query's finding it says only that it exists.
 */
export function isShown(element: Element): boolean {
  return element.isConnected && element.closest('[hidden], [aria-hidden="true"]') === null;
}
