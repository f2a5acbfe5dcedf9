/**
 * Browser APIs Fluent UI v9 expects that jsdom lacks. Import first in `@jest-environment jsdom`
 * test files.
 *
 * - matchMedia, ResizeObserver: used by Fluent components and hooks.
 * - offsetParent: jsdom has no layout and reports null for every element, which tabster (the
 *   keyboard-navigation engine behind TabList's arrow keys) reads as "display: none", so arrow
 *   keys would move nowhere. The stand-in is null only inside hidden or display:none subtrees.
 * - <body> size: tabster also treats a 0×0 body (jsdom's) as a hidden frame; give it a
 *   viewport-sized box.
 */
if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    class ResizeObserverStandIn {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStandIn;
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStandIn;
  }
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement): Element | null {
      for (let el: HTMLElement | null = this; el; el = el.parentElement) {
        if (el.hidden || window.getComputedStyle(el).display === "none") return null;
      }
      return this.parentElement;
    },
  });
  HTMLBodyElement.prototype.getBoundingClientRect = function (): DOMRect {
    const width = window.innerWidth || 1024;
    const height = window.innerHeight || 768;
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      right: width,
      bottom: height,
      width,
      height,
      toJSON: () => ({}),
    } as DOMRect;
  };
}

export {};
