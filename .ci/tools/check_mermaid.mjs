// Parses every Mermaid diagram in the given files with mermaid's own parser
// (under jsdom): ```mermaid blocks in Markdown, or a whole .mmd file.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let failed = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const diagrams = file.endsWith('.mmd')
    ? [text]
    : [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]);
  for (const diagram of diagrams) {
    checked++;
    try {
      await mermaid.parse(diagram);
    } catch (e) {
      failed++;
      console.error(`${file}: ${e.message ?? e}`);
    }
  }
}
console.log(`mermaid: ${checked} diagrams parsed, ${failed} invalid`);
process.exit(failed || !checked ? 1 : 0);
