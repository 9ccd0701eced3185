import themeCss from '../components/theme.css?inline';

/**
 * One of Gloss's own elements in the page: a fixed host with a closed shadow root holding
 * Gloss's theme and `css`, so page CSS cannot restyle what is inside and page scripts cannot
 * read it. The host joins the page on first `attach`, outside `<body>`, so no text stream sees it.
 */
export function shadowHost(tag: string, hostStyle: string, css: string): { element: HTMLElement; root: ShadowRoot; attach(): void } {
  const element = document.createElement(tag);
  element.style.cssText = `position:fixed;top:0;left:0;z-index:2147483647;${hostStyle}`;
  const root = element.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = themeCss + css;
  root.append(style);
  return {
    element,
    root,
    attach: () => {
      if (!element.isConnected) document.documentElement.append(element);
    },
  };
}
