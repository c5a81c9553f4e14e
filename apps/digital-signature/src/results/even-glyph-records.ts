/**
 * Why the result documents used to render as blanks: Noto Sans as published (a long `loca`, offsets
 * in 32 bits) stores about a third of its glyph records with an odd length. fontkit's subsetter
 * copies the records as they are and, the subset being under 64 KiB, writes a short `loca`, whose
 * offsets are stored halved: from the first odd-length record on, every glyph is addressed a byte
 * off and poppler, Ghostscript or Acrobat draw garbage or nothing. pdftotext reads the ToUnicode map,
 * not the outlines, so the text layer was right all along.
 *
 * Padding each record to an even length (a zero byte after the glyph's data, which TrueType readers
 * never reach) makes every offset one a short `loca` can hold, and keeps the subset of a few
 * kilobytes that embedding the whole font (300 KB a document) would not.
 */
export function withEvenGlyphRecords(font: Buffer): Buffer {
  const tables = tableDirectory(font);
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font; // not a TrueType-outline font: nothing to pad
  const longOffsets = font.readInt16BE(head.offset + 50) === 1;
  const glyphCount = font.readUInt16BE(maxp.offset + 4);
  const offsetAt = (glyph: number) =>
    longOffsets ? font.readUInt32BE(loca.offset + glyph * 4) : font.readUInt16BE(loca.offset + glyph * 2) * 2;

  const offsets = Array.from({ length: glyphCount + 1 }, (_, glyph) => offsetAt(glyph));
  if (offsets.every((offset) => offset % 2 === 0)) return font;
  const records: Buffer[] = [];
  const newLoca = Buffer.alloc((glyphCount + 1) * 4);
  let position = 0;
  for (let glyph = 0; glyph < glyphCount; glyph++) {
    const record = font.subarray(glyf.offset + offsets[glyph], glyf.offset + offsets[glyph + 1]);
    newLoca.writeUInt32BE(position, glyph * 4);
    records.push(record);
    position += record.length;
    if (record.length % 2 === 1) {
      records.push(Buffer.alloc(1));
      position += 1;
    }
  }
  newLoca.writeUInt32BE(position, glyphCount * 4);

  const newHead = Buffer.from(font.subarray(head.offset, head.offset + head.length));
  newHead.writeInt16BE(1, 50); // indexToLocFormat: the rebuilt loca is long
  return assemble(
    font,
    tables,
    new Map([
      ['head', newHead],
      ['loca', newLoca],
      ['glyf', Buffer.concat(records)],
    ]),
  );
}

interface TableRecord {
  offset: number;
  length: number;
}

function tableDirectory(font: Buffer): Map<string, TableRecord> {
  const tables = new Map<string, TableRecord>();
  const count = font.readUInt16BE(4);
  for (let index = 0; index < count; index++) {
    const at = 12 + index * 16;
    tables.set(font.toString('latin1', at, at + 4), {
      offset: font.readUInt32BE(at + 8),
      length: font.readUInt32BE(at + 12),
    });
  }
  return tables;
}

function checksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let at = 0; at < padded.length; at += 4) sum = (sum + padded.readUInt32BE(at)) >>> 0;
  return sum;
}

/** The font file again, with the replaced tables, each table 4-byte aligned and checksummed. */
function assemble(font: Buffer, tables: Map<string, TableRecord>, replaced: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const contents = tags.map(
    (tag) =>
      replaced.get(tag) ?? font.subarray(tables.get(tag)!.offset, tables.get(tag)!.offset + tables.get(tag)!.length),
  );
  const header = Buffer.from(font.subarray(0, 12 + tags.length * 16));
  const head = contents[tags.indexOf('head')];
  head.writeUInt32BE(0, 8); // checkSumAdjustment is computed over the file with itself zero
  const body: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, index) => {
    const table = contents[index];
    const at = 12 + index * 16;
    header.write(tag, at, 'latin1');
    header.writeUInt32BE(checksum(table), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.length, at + 12);
    const padding = Buffer.alloc((4 - (table.length % 4)) % 4);
    body.push(table, padding);
    offset += table.length + padding.length;
  });
  const file = Buffer.concat([header, ...body]);
  const headOffset = header.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headOffset + 8);
  return file;
}
