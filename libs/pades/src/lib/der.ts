/** One DER element: its tag byte and where its header and value lie in the buffer. */
export interface DerElement {
  tag: number;
  start: number;
  valueStart: number;
  end: number;
}

/** Reads the element at `offset` (definite lengths only, as DER requires). */
export function readElement(bytes: Uint8Array, offset = 0): DerElement {
  if (offset + 2 > bytes.length) throw new RangeError('DER element truncated');
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let valueStart = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new RangeError('DER length not definite or too long');
    if (valueStart + octets > bytes.length) throw new RangeError('DER length truncated');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + bytes[valueStart + i];
    valueStart += octets;
  }
  const end = valueStart + length;
  if (end > bytes.length) throw new RangeError('DER element truncated');
  return { tag, start: offset, valueStart, end };
}

/** The elements inside a constructed element. */
export function childrenOf(bytes: Uint8Array, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = parent.valueStart; offset < parent.end;) {
    const child = readElement(bytes, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** Encodes a tag-length-value with a definite length. */
export function encodeElement(tag: number, value: Uint8Array): Buffer {
  const length = value.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const octets: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
    header = [tag, 0x80 | octets.length, ...octets];
  }
  return Buffer.concat([Buffer.from(header), value]);
}

/** A DER SET OF: its elements sorted by their encodings, as X.690 requires. */
export function encodeSetOf(elements: Uint8Array[]): Buffer {
  const sorted = [...elements].map((e) => Buffer.from(e)).sort(Buffer.compare);
  return encodeElement(0x31, Buffer.concat(sorted));
}

/** DER of an OBJECT IDENTIFIER given in dotted form. */
export function encodeObjectIdentifier(oid: string): Buffer {
  const arcs = oid.split('.').map((arc) => BigInt(arc));
  const body: number[] = [];
  const first = arcs[0] * 40n + arcs[1];
  for (const arc of [first, ...arcs.slice(2)]) {
    const groups: number[] = [];
    for (let rest = arc; ; rest >>= 7n) {
      groups.unshift(Number(rest & 0x7fn) | (groups.length ? 0x80 : 0));
      if (rest < 0x80n) break;
    }
    body.push(...groups);
  }
  return encodeElement(0x06, Buffer.from(body));
}

/** DER of a non-negative INTEGER. */
export function encodeInteger(value: bigint | number): Buffer {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`;
  return encodeElement(0x02, Buffer.from(hex, 'hex'));
}
