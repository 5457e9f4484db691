import { spawn } from 'child_process';
import { execa } from 'execa';

export class FilesService {
  private resize(input: Buffer, geometry: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const proc = spawn('convert', ['-', '-thumbnail', geometry, 'png:-']);
      //           ^^^^^ long-running/js-child-process
      proc.on('close', (code) => (code === 0 ? resolve(Buffer.alloc(0)) : reject(new Error(String(code)))));
      proc.stdin.end(input);
    });
  }

  async optimise(path: string): Promise<void> {
    await execa('optipng', [path]);
    //    ^^^^^ long-running/js-child-process
  }
}
