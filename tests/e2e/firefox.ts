import puppeteer, { type Browser } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Debian's Firefox ESR; driven over WebDriver BiDi, no geckodriver, nothing downloaded. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv3');

/** Gloss's add-on id (wxt.config.ts) and the UUID its moz-extension:// pages get here. */
const ADDON_ID = 'gloss@gloss-reader.org';
export const FIREFOX_UUID = '6a1c2f0e-9d3b-4c7a-8e21-5b0f4d9c3a71';

/** Headless Firefox ESR with the built Firefox extension installed. */
export async function launchFirefoxWithGloss(): Promise<Browser> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR not found at ${FIREFOX}: apt-get install -y firefox-esr`);
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error('No Firefox build: run npm run build:firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: FIREFOX_UUID }),
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return browser;
}
