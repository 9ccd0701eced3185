import { defineConfig } from 'wxt';

// Minimum versions follow from the CSS Custom Highlight API, which paints every mention
// and highlight without touching the page's DOM (DESIGN.md, "Showing things").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Read the news with context: hover cards for the people, places and organisations an article names, from a knowledge base kept on your machine.',
    minimum_chrome_version: '105',
    // Chrome only: `scripting` re-injects the content script into open tabs after an update (Firefox
    // does that itself). The hosts are the content script's matches, so the install warning is unchanged.
    permissions: ['contextMenus', 'downloads', 'storage', ...(browser === 'firefox' ? [] : ['scripting'])],
    ...(browser === 'firefox' ? {} : { host_permissions: ['http://*/*', 'https://*/*', 'file:///*'] }),
    // The note frame shows the reader's own text inside pages; a dynamic URL keeps pages from probing for it.
    web_accessible_resources: [
      {
        resources: ['note-frame.html'],
        matches: ['http://*/*', 'https://*/*', 'file:///*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the card of the next mention on the page',
      },
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text',
      },
      'export-page': {
        suggested_key: { default: 'Alt+Shift+E' },
        description: 'Save this page’s highlights and notes as Markdown and JSON',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss-reader.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
