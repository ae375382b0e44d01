import { AppError } from '../../../errors.js';

export type DocumentFormat = 'markdown' | 'html' | 'docx' | 'pdf' | 'json';

const BY_EXTENSION: Record<string, DocumentFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'markdown',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
  json: 'json',
};

/**
 * Decides how to read an uploaded file. The content wins over the name when they disagree on the binary
 * formats (a PDF is "%PDF-", a DOCX is a ZIP), so a renamed file is still read correctly — and a file that
 * claims to be a PDF or DOCX but is not gets a clear error from its parser instead of being read as text.
 */
export function detectFormat(fileName: string, content: Buffer): DocumentFormat {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  const byName = BY_EXTENSION[extension];
  if (byName) return byName;
  if (content.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') return 'docx';
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `Cannot import "${fileName}": supported files are Markdown (.md), HTML (.html), Word (.docx), PDF (.pdf) and the article JSON export (.json)`,
  );
}
