import type { Locator, Page } from '@playwright/test';

export interface Clipping {
  /** The element's box starts left of the viewport or ends right of it. */
  outsideViewport: boolean;
  /** An ancestor that clips its overflow (overflow not visible) cuts part of the element off. */
  clippedBy: string | null;
}

/**
 * Where `el` sits horizontally: inside the viewport, and not cut off by an ancestor that hides or
 * scrolls its overflow (a heading pushed out of a `overflow-auto` main is as lost as one off-screen).
 */
export async function horizontalClipping(page: Page, el: Locator): Promise<Clipping> {
  const box = await el.boundingBox();
  const width = page.viewportSize()!.width;
  const outsideViewport = !box || box.x < 0 || box.x + box.width > width + 0.5;
  const clippedBy = await el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    for (let a = node.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible') continue;
      const c = a.getBoundingClientRect();
      const left = c.left + a.clientLeft;
      const right = left + a.clientWidth;
      if (r.left < left - 0.5 || r.right > right + 0.5) return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''} (overflow-x: ${s.overflowX})`;
    }
    return null;
  });
  return { outsideViewport, clippedBy };
}

/** The document itself scrolls sideways: something is wider than the window. */
export function documentOverflowsX(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}
