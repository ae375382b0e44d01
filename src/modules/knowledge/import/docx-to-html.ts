import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { AppError } from '../../../errors.js';

/** More parts than this is not a handbook; neither is one that unpacks beyond the caller's limit. */
const MAX_ENTRIES = 5_000;

/**
 * Converts a Word document to HTML with mammoth, which maps Word's heading styles to h1–h6. The ZIP's
 * directory is read first: a file that is not a ZIP, or one that declares more than `maxUnpackedBytes` once
 * unpacked (a ZIP bomb), is refused before anything is inflated; yauzl also checks each entry's real size
 * against its declared one.
 */
export async function docxToHtml(
  content: Buffer,
  maxUnpackedBytes: number,
): Promise<{ html: string; warnings: string[] }> {
  await checkZip(content, maxUnpackedBytes);
  try {
    const result = await mammoth.convertToHtml({ buffer: content });
    const warnings = result.messages
      .filter((m) => m.type === 'error')
      .map((m) => `Word conversion: ${m.message}`);
    return { html: result.value, warnings };
  } catch {
    throw new AppError('VALIDATION_ERROR', 'The file is not a readable Word document (.docx)');
  }
}

function checkZip(content: Buffer, maxUnpackedBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) {
        reject(
          new AppError('VALIDATION_ERROR', 'The file is not a Word document: a .docx file is a ZIP archive'),
        );
        return;
      }
      let unpacked = 0;
      let entries = 0;
      let hasDocument = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        unpacked += entry.uncompressedSize;
        entries++;
        if (entry.fileName === 'word/document.xml') hasDocument = true;
        if (unpacked > maxUnpackedBytes || entries > MAX_ENTRIES) {
          zip.close();
          reject(
            new AppError(
              'PAYLOAD_TOO_LARGE',
              `The Word document would unpack to more than ${Math.round(maxUnpackedBytes / 1024 / 1024)} MB; it was not read`,
            ),
          );
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () =>
        hasDocument
          ? resolve()
          : reject(
              new AppError(
                'VALIDATION_ERROR',
                'The ZIP archive is not a Word document (no word/document.xml)',
              ),
            ),
      );
      zip.on('error', () => reject(new AppError('VALIDATION_ERROR', 'The Word document is damaged')));
      zip.readEntry();
    });
  });
}
