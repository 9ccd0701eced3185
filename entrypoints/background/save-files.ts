import { browser } from 'wxt/browser';
import { dataUrl, type ExportFile } from '../../lib/export/files';

/** How long a `blob:` URL outlives its download's start: Firefox may still be reading it. */
const REVOKE_AFTER_MS = 30_000;

/**
 * Saves export files to the reader's downloads folder from the background, so no page ever
 * holds a URL to them. Chrome's service worker cannot make `blob:` URLs and downloads a
 * `data:` URL; Firefox's event page makes a `blob:` URL.
 */
export async function saveFiles(files: ExportFile[]): Promise<void> {
  const blobs = typeof URL.createObjectURL === 'function';
  for (const file of files) {
    const url = blobs ? URL.createObjectURL(new Blob([file.data as BlobPart], { type: file.mime })) : dataUrl(file);
    try {
      await browser.downloads.download({ url, filename: file.filename, saveAs: false, conflictAction: 'uniquify' });
    } finally {
      if (blobs) setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    }
  }
}
