// Regenerates src/main/resources/dev/symphony/editor/syntax/{grammars,themes}.tsv: the licence and
// detection metadata of the grammars/themes inside the shiki WebJars (the grammar and theme files
// themselves are NOT copied: they are read from the WebJars at run time).
// Usage (dev time only, needs node + the npm packages tm-grammars and tm-themes unpacked):
//   npm pack tm-grammars tm-themes && tar xzf ... ; node grammar-index.mjs <tm-grammars dir> <tm-themes dir> <shiki langs dist> <shiki themes dist> <out dir>
import fs from 'node:fs';
import path from 'node:path';

const [gDir, tDir, langsDist, themesDist, out] = process.argv.slice(2);
const { grammars, injections } = await import(path.resolve(gDir, 'index.js'));
const { themes } = await import(path.resolve(tDir, 'index.js'));

// SPDX identifiers whose terms allow shipping the (unmodified) grammar inside a closed or open product.
const ALLOWED = new Set(['MIT', 'Apache-2.0', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'MPL-2.0', '0BSD', 'Unlicense']);
// textmate/* bundles carry no SPDX file; their README grants: "Permission to copy, use, modify, sell and
// distribute this software is granted. This software is provided "as is" without express or implied warranty".
const TEXTMATE_BUNDLE = 'TextMate-bundle-permissive';

function licenceOf(g) {
  if (ALLOWED.has(g.license)) return g.license;
  if (!g.license && g.source && g.source.startsWith('https://github.com/textmate/')) return TEXTMATE_BUNDLE;
  return null;
}
const clean = s => String(s ?? '').replace(/[\t\n\r]/g, ' ');
const rows = [], dropped = [];
for (const g of [...grammars, ...(injections ?? [])]) {
  const lic = licenceOf(g);
  if (!fs.existsSync(path.join(langsDist, g.name + '.mjs'))) { dropped.push(g.name + ' (not in shiki)'); continue; }
  if (!lic) { dropped.push(`${g.name} (${g.license ?? 'no licence stated'})`); continue; }
  // scope and display name from the shiki module itself: tm-grammars' metadata may be a newer version
  const mod = (await import(path.resolve(langsDist, g.name + '.mjs'))).default;
  const lang = mod[mod.length - 1];
  const fileTypes = lang.fileTypes ?? [];
  const inj = (injections ?? []).includes(g) ? 'injection' : 'language';
  rows.push([g.name, lang.scopeName, lang.displayName ?? g.displayName, (g.aliases ?? []).join(','), fileTypes.join(','), inj, lic,
             g.licenseUrl ?? '', g.source ?? ''].map(clean).join('\t'));
}
fs.writeFileSync(path.join(out, 'grammars.tsv'),
  '# name\tscopeName\tdisplayName\taliases\tfileTypes\tkind\tlicence\tlicenceUrl\tsource\n' + rows.join('\n') + '\n');
const trows = [], tdropped = [];
for (const t of themes) {
  if (!fs.existsSync(path.join(themesDist, t.name + '.mjs'))) { tdropped.push(t.name + ' (not in shiki)'); continue; }
  if (!ALLOWED.has(t.license)) { tdropped.push(`${t.name} (${t.license})`); continue; }
  trows.push([t.name, t.displayName, t.type, t.license, t.licenseUrl ?? '', t.source ?? ''].map(clean).join('\t'));
}
fs.writeFileSync(path.join(out, 'themes.tsv'),
  '# name\tdisplayName\ttype\tlicence\tlicenceUrl\tsource\n' + trows.join('\n') + '\n');
console.error(`grammars: ${rows.length} shipped, dropped: ${dropped.join(', ')}`);
console.error(`themes: ${trows.length} shipped, dropped: ${tdropped.join(', ')}`);
