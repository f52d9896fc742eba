/**
 * `npm run bench:bundle`: builds the web client and prints the gzip size of what a first visit
 * loads for the login page and for the signed-in home page (entry, its static imports and CSS,
 * plus the lazily loaded route chunks), from Vite's manifest.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestEntry {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const OUT = path.resolve('dist/web');
if (!process.argv.includes('--no-build'))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const manifest = JSON.parse(fs.readFileSync(path.join(OUT, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestEntry
>;

function closure(keys: string[]): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const entry = manifest[key];
    if (!entry || files.has(entry.file)) return;
    files.add(entry.file);
    for (const css of entry.css ?? []) files.add(css);
    for (const imp of entry.imports ?? []) visit(imp);
  };
  for (const k of keys) visit(k);
  return files;
}

const gz = (files: Iterable<string>) => {
  let raw = 0;
  let zipped = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(OUT, f));
    raw += buf.length;
    zipped += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, zipped };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const routeKey = (pattern: RegExp) => Object.keys(manifest).filter((k) => pattern.test(k));
const pages: [string, RegExp][] = [
  ['登录页 (login)', /pages\/login\/LoginPage/],
  ['工作台 (signed-in home)', /pages\/home\/|components\/AppLayout/],
];
for (const [label, pattern] of pages) {
  const keys = [entry, ...routeKey(pattern)];
  const { raw, zipped } = gz(closure(keys));
  console.log(
    `${label.padEnd(26)} ${kb(zipped).padStart(9)} gzip  (${kb(raw)} raw, ${keys.length - 1} route chunk(s))`,
  );
}
const all = gz(Object.values(manifest).map((e) => e.file));
console.log(`${'all JS (every route)'.padEnd(26)} ${kb(all.zipped).padStart(9)} gzip  (${kb(all.raw)} raw)`);
