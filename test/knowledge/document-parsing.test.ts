import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/modules/knowledge/import/parse-document.js';
import {
  docxHandbook,
  type HandbookSection,
  imageOnlyPdf,
  markdownHandbook,
  pdfHandbook,
  zipBomb,
} from './handbook-fixtures.js';

const limits = { maxUnpackedBytes: 5 * 1024 * 1024 };

const sections: HandbookSection[] = [
  {
    title: 'Volunteer days',
    paragraphs: [
      'Everyone may take two paid volunteer days each calendar year for a registered charity of their choice.',
      'Book them in the portal under Time Off > Volunteering at least one week ahead.',
    ],
  },
  {
    title: 'Bringing dogs to the office',
    paragraphs: ['Dogs are welcome on the third floor on Fridays if the building manager has approved them.'],
    bullets: ['Keep the dog on a lead in shared areas', 'Clean up after it at once'],
  },
];

const titles = (parsed: { sections: { title: string }[] }) => parsed.sections.map((s) => s.title);

describe('reading handbooks into articles', () => {
  it('splits Markdown at its headings; the lone top heading is the title, list items stay items', async () => {
    const parsed = await parseDocument(
      'handbook.md',
      Buffer.from(markdownHandbook('Acme handbook', sections)),
      limits,
    );
    expect(parsed.format).toBe('markdown');
    expect(titles(parsed)).toEqual(['Volunteer days', 'Bringing dogs to the office']);
    expect(parsed.sections[0]!.path).toEqual(['Acme handbook']);
    expect(parsed.sections[1]!.content).toContain(
      '- Keep the dog on a lead in shared areas\n- Clean up after it at once',
    );
  });

  it('reads a real Word document through its heading styles', async () => {
    const parsed = await parseDocument(
      'handbook.docx',
      await docxHandbook('Acme handbook', sections),
      limits,
    );
    expect(parsed.format).toBe('docx');
    expect(titles(parsed)).toEqual(['Volunteer days', 'Bringing dogs to the office']);
    expect(parsed.sections[0]!.content).toContain('two paid volunteer days each calendar year');
    expect(parsed.sections[1]!.content).toContain('- Clean up after it at once');
  });

  it('infers a PDF’s headings from font sizes and keeps bullets as items', async () => {
    const parsed = await parseDocument('handbook.pdf', await pdfHandbook('Acme handbook', sections), limits);
    expect(parsed.format).toBe('pdf');
    expect(titles(parsed)).toEqual(['Volunteer days', 'Bringing dogs to the office']);
    expect(parsed.sections[0]!.content).toContain('Time Off > Volunteering at least one week ahead.');
    expect(parsed.sections[1]!.content).toMatch(/^- Keep the dog on a lead in shared areas$/m);
  });

  it('keeps sub-points inside their policy: a short "Eligibility" is not an article of its own', async () => {
    const md = [
      '# Leave',
      '## Parental leave',
      'Birth and adoptive parents receive sixteen weeks of paid parental leave, taken within a year of the birth.',
      '### Eligibility',
      'After six months of service.',
      '### How to apply',
      'Tell HR thirty days ahead.',
      '## Jury duty',
      'The company pays your normal salary for up to ten days of jury service each year, so you lose nothing.',
      'Show the summons to your manager, and give HR a copy of it too so payroll can record the days correctly.',
      '### Proof',
      'Bring the court’s attendance note.',
    ].join('\n\n');
    const parsed = await parseDocument('leave.md', Buffer.from(md), limits);
    expect(titles(parsed)).toEqual(['Parental leave', 'Jury duty']);
    expect(parsed.sections[0]!.content).toContain('Eligibility:\nAfter six months of service.');
  });

  it('tells two same-named sections apart by their chapter', async () => {
    const long = 'x '.repeat(200);
    const md = `# Handbook\n\n## Sick leave\n\n### Eligibility\n\n${long}\n\n### Pay\n\n${long}\n\n## Holidays\n\n### Eligibility\n\n${long}\n\n### Pay\n\n${long}`;
    const parsed = await parseDocument('h.md', Buffer.from(md), limits);
    expect(titles(parsed)).toEqual([
      'Sick leave: Eligibility',
      'Sick leave: Pay',
      'Holidays: Eligibility',
      'Holidays: Pay',
    ]);
  });

  it('drops scripts, event handlers and remote images from HTML and says so', async () => {
    const html =
      '<h1>Policies</h1><h2 onclick="steal()">Lost badges</h2><p>Report a lost badge to security within 24 hours.' +
      '<img src="https://tracker.example/x.png"><script>steal()</script></p><a href="javascript:steal()">here</a>';
    const parsed = await parseDocument('policies.html', Buffer.from(html), limits);
    expect(parsed.sections).toHaveLength(1);
    expect(parsed.sections[0]!.content).toContain('Report a lost badge to security within 24 hours.');
    expect(JSON.stringify(parsed.sections)).not.toMatch(/steal|tracker|script|onclick/);
    expect(parsed.warnings.join(' ')).toMatch(/script element/);
    expect(parsed.warnings.join(' ')).toMatch(/image/);
    expect(parsed.warnings.join(' ')).toMatch(/event handler/);
  });

  it('drops a script embedded in Markdown with its source text', async () => {
    const parsed = await parseDocument(
      'h.md',
      Buffer.from('# Parking\n\nFree for staff.<script>alert(1)</script>'),
      limits,
    );
    expect(parsed.sections[0]!.content).toBe('Free for staff.');
    expect(parsed.warnings).toContain('removed 1 script element');
  });

  it.each([
    [
      'a damaged PDF',
      'broken.pdf',
      async () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage'),
      /not a readable PDF/,
    ],
    [
      'an encrypted PDF',
      'secret.pdf',
      () => pdfHandbook('Secret', sections, { userPassword: 'hunter2' }),
      /encrypted/,
    ],
    ['an image-only PDF', 'scan.pdf', imageOnlyPdf, /no text layer/],
    [
      'a .docx that is not a ZIP',
      'fake.docx',
      async () => Buffer.from('this is not a word document'),
      /ZIP archive/,
    ],
    [
      'a ZIP that is not a Word document',
      'other.docx',
      async () => zipBomb(1000, 'photos/cat.jpg'),
      /not a Word document/,
    ],
  ] as const)('refuses %s with a clear 4xx', async (_what, name, make, expected) => {
    const content = await make();
    const error = await parseDocument(name, content, limits).catch(
      (e: { status: number; message: string }) => e,
    );
    expect((error as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect((error as { status: number }).status).toBeLessThan(500);
    expect((error as { message: string }).message).toMatch(expected);
  });

  it('refuses a DOCX that would unpack beyond the limit before inflating it', async () => {
    const bomb = zipBomb(8 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(parseDocument('bomb.docx', bomb, limits)).rejects.toMatchObject({ status: 413 });
  });

  it('refuses an unknown file type with 415', async () => {
    await expect(parseDocument('tool.exe', Buffer.from('MZ\u0090\u0000'), limits)).rejects.toMatchObject({
      status: 415,
    });
  });
});
