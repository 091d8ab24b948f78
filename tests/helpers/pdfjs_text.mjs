// Print the text pdf.js (Firefox's PDF viewer) extracts from a PDF, page by page.
// Usage: node pdfjs_text.mjs PDFJS_DIST_FOLDER FILE.pdf
// Items are joined as Firefox's text layer copies them: each item's string, a line break after an
// item that ends a line (hasEOL), a form feed between pages.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [dist, file] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(path.join(dist, "legacy", "build", "pdf.mjs")).href);
const data = new Uint8Array(readFileSync(file));
const document = await pdfjs.getDocument({ data, verbosity: 0, useSystemFonts: false }).promise;
const pages = [];
for (let number = 1; number <= document.numPages; number++) {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  pages.push(content.items.map((item) => (item.str ?? "") + (item.hasEOL ? "\n" : "")).join(""));
}
process.stdout.write(pages.join("\f"));
