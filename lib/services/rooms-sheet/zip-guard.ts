import "server-only";
import { inflateRawSync } from "node:zlib";

// An .xlsx is a zip. Before a spreadsheet library inflates it all in memory, every entry is inflated here with a
// hard output budget, so a zip bomb (a tiny file claiming or hiding gigabytes) is refused after reading at most
// the budget, whatever sizes its headers declare.

export const SHEET_MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export class SheetTooLargeError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Throws SheetTooLargeError when the entries inflate to more than the budget; NotAZip-style errors as plain Error. */
export function assertZipWithinBudget(buf: Buffer, budget = SHEET_MAX_UNCOMPRESSED_BYTES): void {
  // End of central directory: the last 22..(22+65535) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file");
  const entries = buf.readUInt16LE(eocd + 10);
  if (entries > MAX_ENTRIES) throw new SheetTooLargeError(`too many zip entries (${entries})`);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new Error("corrupt zip directory");
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const declared = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    at += 46 + nameLen + extraLen + commentLen;
    if (declared > budget - total) throw new SheetTooLargeError("uncompressed size over the limit");
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new Error("corrupt zip entry");
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, Math.min(buf.length, dataStart + compressed));
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, budget - total) }).length;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new SheetTooLargeError("uncompressed size over the limit");
        throw new Error("corrupt zip data");
      }
    } else throw new Error(`unsupported zip compression ${method}`);
    if (total > budget) throw new SheetTooLargeError("uncompressed size over the limit");
  }
}
