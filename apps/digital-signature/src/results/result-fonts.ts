import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { withEvenGlyphRecords } from './even-glyph-records';

export type Style = 'regular' | 'bold' | 'italic' | 'boldItalic';
const FONT_FILES: Record<Style, string> = {
  regular: '400Regular/NotoSans_400Regular.ttf',
  bold: '700Bold/NotoSans_700Bold.ttf',
  italic: '400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSans_700Bold_Italic.ttf',
};

// Noto Sans covers Vietnamese; the standard PDF fonts do not. Resolved from the working directory so
// the bundled service finds the package as installed beside it. Read once, its glyph records padded
// so that a subset of it renders (see even-glyph-records.ts).
const fontBytes = new Map<Style, Buffer>();
export const fontOf = (style: Style): Buffer => {
  if (!fontBytes.has(style)) {
    const file = createRequire(join(process.cwd(), 'package.json')).resolve(
      `@expo-google-fonts/noto-sans/${FONT_FILES[style]}`,
    );
    fontBytes.set(style, withEvenGlyphRecords(readFileSync(file)));
  }
  return fontBytes.get(style)!;
};

/**
 * pdf-lib parses the font anew for every document, and laying text out on a fresh copy cost about
 * half of a render's time. Each font is parsed once and shared; every document still embeds a subset
 * of its own.
 *
 * A parsed font caches each glyph with the characters it was first asked for, and a subset asks
 * for the parts of composite glyphs (the O of Ộ) with none: the next document to draw an O would
 * map it to no character in its text layer ("THÔNG BÁ"). A glyph asked for again by its character
 * takes that character.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
export const sharedFontkit = {
  create(bytes: Uint8Array) {
    if (!parsedFonts.has(bytes)) {
      const font = fontkit.create(bytes);
      const getGlyph = font.getGlyph.bind(font);
      font.getGlyph = (id: number, codePoints: number[] = []) => {
        const glyph = getGlyph(id, codePoints);
        if (codePoints.length > 0 && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
        return glyph;
      };
      parsedFonts.set(bytes, font);
    }
    return parsedFonts.get(bytes)!;
  },
};
