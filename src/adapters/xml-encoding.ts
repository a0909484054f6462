/**
 * How an XML part is encoded, from its first two bytes: a UTF-16 byte order mark, or '<' written as a
 * UTF-16 character (XML 1.0, appendix F); UTF-8 otherwise. OPC packages (.xlsx) and .hwpx documents
 * alike may hold parts in UTF-16 when another tool rewrote them.
 */
export function xmlEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return 'utf-16be';
  return 'utf-8';
}
