import { mkdir, writeFile } from 'fs/promises';
import * as fs from 'node:fs';
import path from 'path';

const UPLOAD_ROOT = path.join(process.cwd(), 'public', 'uploads');

export const PUT = async (request: Request) => {
  const target = path.join(UPLOAD_ROOT, 'file.bin');
  await mkdir(path.dirname(target), { recursive: true });
  //    ^^^^^ local-fs/js-file-write
  await writeFile(target, Buffer.from(await request.arrayBuffer()));
  //    ^^^^^^^^^ local-fs/js-file-write
  fs.renameSync(target, `${target}.done`);
//^^^^^^^^^^^^^ local-fs/js-file-write
  // ok: reads
  return new Response(fs.readFileSync(target));
};
