import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { withEvenGlyphRecords } from './even-glyph-records';

const TEXT = 'Hồ Thị Lan, Nguyễn Văn Hùng: ươụịỹ ỦY BAN NHÂN DÂN PHƯỜNG THUỶ XUÂN';
const published = readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fontkit's glyph internals are untyped
type Font = any;
const glyphRecordLengths = (font: Font): number[] =>
  Array.from({ length: font.numGlyphs }, (_, glyph) => font.loca.offsets[glyph + 1] - font.loca.offsets[glyph]);
const outline = (font: Font, glyph: number): string => font.getGlyph(glyph).path.toSVG();

/** The outlines of the font file a PDF embeds, as a renderer reads them. */
async function embeddedOutlines(fontBytes: Buffer): Promise<Set<string>> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(fontBytes, { subset: true, features: { ccmp: false } });
  document.addPage().drawText(TEXT, { x: 20, y: 400, size: 12, font });
  const saved = await PDFDocument.load(await document.save());
  for (const [, object] of saved.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const bytes = Buffer.from(decodePDFRawStream(object).decode());
    if (![0x00010000, 0x74727565].includes(bytes.readUInt32BE(0))) continue; // a TrueType font file
    const subset: Font = fontkit.create(bytes);
    // A glyph addressed at the wrong bytes may not even decode: it has no outline then.
    const readable = (glyph: number) => {
      try {
        return outline(subset, glyph);
      } catch {
        return null;
      }
    };
    return new Set(
      Array.from({ length: subset.numGlyphs }, (_, glyph) => readable(glyph)).filter(
        (path): path is string => path !== null,
      ),
    );
  }
  throw new Error('no embedded TrueType font');
}

describe('glyph records padded to an even length', () => {
  const padded = withEvenGlyphRecords(published);
  const original: Font = fontkit.create(published);
  const rebuilt: Font = fontkit.create(padded);
  const needed = original.layout(TEXT, { ccmp: false }).glyphs.map((glyph: { id: number }) => glyph.id);

  it('keeps every outline and metric, each record at an even offset', () => {
    expect(glyphRecordLengths(original).some((length) => length % 2 === 1)).toBe(true); // what goes wrong otherwise
    expect(glyphRecordLengths(rebuilt).every((length) => length % 2 === 0)).toBe(true);
    expect(rebuilt.numGlyphs).toBe(original.numGlyphs);
    for (let glyph = 0; glyph < original.numGlyphs; glyph += 1) {
      expect(outline(rebuilt, glyph)).toBe(outline(original, glyph));
      expect(rebuilt.getGlyph(glyph).advanceWidth).toBe(original.getGlyph(glyph).advanceWidth);
    }
  });

  it('embeds, subset, the outline of every glyph the text needs; the font as published does not', async () => {
    const missing = (outlines: Set<string>) =>
      needed.filter((glyph: number) => !outlines.has(outline(original, glyph)));
    expect(missing(await embeddedOutlines(padded))).toEqual([]);
    expect(missing(await embeddedOutlines(published)).length).toBeGreaterThan(needed.length / 2);
  });

  it('leaves a font whose records are all even as it is', () => {
    expect(withEvenGlyphRecords(padded)).toBe(padded);
  });
});
