/**
 * Hostile workbooks made in memory: a zip whose entry inflates to gigabytes from a few megabytes (the
 * same deflate block of zeros, flushed so it stands alone, repeated), with its declared size told
 * truly or as a lie; and a real workbook whose one name is tens of millions of characters long.
 */
import { deflateRawSync, constants as zlib } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** A raw deflate stream of `mib` MiB of zeros, about 1 KiB per MiB. */
function zeros(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlib.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** One stored zip entry, its local header and its central-directory record. */
function entry(name: string, data: Buffer, declared: number, offset: number) {
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(file.length, 28);
  central.writeUInt32LE(offset, 42);
  return { local: Buffer.concat([local, file, data]), central: Buffer.concat([central, file]) };
}

/**
 * An .xlsx-named zip whose sharedStrings part inflates to `mib` MiB of zeros; its declared size is
 * the truth (`honest`) or 1,000 bytes.
 */
export function zipBomb(mib: number, honest: boolean): Buffer {
  const types = deflateRawSync(Buffer.from('<?xml version="1.0"?><Types/>'));
  const parts = [
    { name: '[Content_Types].xml', data: types, declared: 29 },
    { name: 'xl/sharedStrings.xml', data: zeros(mib), declared: honest ? mib * 1024 * 1024 : 1000 },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const e = entry(p.name, p.data, p.declared, offset);
    locals.push(e.local);
    centrals.push(e.central);
    offset += e.local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A real roster workbook (姓名, 选举单位) whose one name is `length` characters long. */
export async function workbookWithLongName(length: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  ws.addRow(['姓名', '选举单位']);
  ws.addRow(['NAME_PLACEHOLDER', '江北区']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
  zip.file('xl/sharedStrings.xml', strings.replace('NAME_PLACEHOLDER', 'A'.repeat(length)));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
