import { defineWebExtConfig } from 'wxt';

// `wxt` dev must not try to open a browser on a machine without a display; `npm run demo`
// launches Chromium itself.
export default defineWebExtConfig({ disabled: true });
