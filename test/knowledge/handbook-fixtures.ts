import { deflateRawSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

/** A handbook as the tests write it: chapters of titled sections, each a list of paragraphs. */
export interface HandbookSection {
  title: string;
  paragraphs: string[];
  bullets?: string[];
}

export async function docxHandbook(title: string, sections: HandbookSection[]): Promise<Buffer> {
  const children = [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 })];
  for (const section of sections) {
    children.push(new Paragraph({ text: section.title, heading: HeadingLevel.HEADING_2 }));
    for (const text of section.paragraphs) children.push(new Paragraph({ text }));
    for (const text of section.bullets ?? []) children.push(new Paragraph({ text, bullet: { level: 0 } }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export function markdownHandbook(title: string, sections: HandbookSection[]): string {
  const parts = [`# ${title}`];
  for (const section of sections) {
    parts.push(`## ${section.title}`, ...section.paragraphs);
    if (section.bullets) parts.push(section.bullets.map((b) => `- ${b}`).join('\n'));
  }
  return parts.join('\n\n');
}

export function pdfHandbook(
  title: string,
  sections: HandbookSection[],
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(22).text(title);
  for (const section of sections) {
    doc.moveDown().fontSize(15).text(section.title);
    doc.fontSize(11);
    for (const text of section.paragraphs) doc.text(text).moveDown(0.5);
    for (const text of section.bullets ?? []) doc.text(`• ${text}`);
  }
  doc.end();
  return done;
}

/** A PDF whose only content is a drawn shape: what a scanner produces, minus the picture. */
export function imageOnlyPdf(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.rect(50, 50, 300, 400).fill('#333333');
  doc.end();
  return done;
}

/**
 * A one-entry ZIP whose entry inflates to `unpackedBytes` of spaces: with a large size, tiny on disk and huge
 * unpacked. Written by hand because no archiver is needed for one entry.
 */
export function zipBomb(unpackedBytes: number, entryName = 'word/document.xml'): Buffer {
  const name = Buffer.from(entryName);
  const data = deflateRawSync(Buffer.alloc(unpackedBytes, 0x20), { level: 9 });
  // The checksum is left 0: the importer must refuse the archive before it would ever inflate and check it.
  const crc = 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(unpackedBytes, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(unpackedBytes, 24);
  central.writeUInt16LE(name.length, 28);
  const localSize = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(localSize, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** A multipart/form-data body with one file part, as a browser's form upload sends it. */
export function multipartBody(
  fileName: string,
  content: Buffer | string,
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----handbook${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
