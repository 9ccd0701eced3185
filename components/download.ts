import type { ExportFile } from '../lib/export/files';

/** Saves an export from an extension page (popup, options) through a temporary link. */
export function download(file: ExportFile): void {
  const blob = new Blob([file.data as BlobPart], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  // Firefox may still be reading the blob just after the click; a few seconds is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file as text, reporting progress so a big file shows how far along it is. */
export function readWithProgress(file: File, onProgress: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}
