/**
 * PDF from an issue's Word file through LibreOffice, when the server has it: each conversion runs
 * headless in its own temporary directory with its own LibreOffice profile (so conversions at the
 * same time do not share one), with the fonts of fonts.conf, and is killed after 60 seconds.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const FONTCONFIG_FILE = fileURLToPath(new URL('./fonts.conf', import.meta.url));
const TIMEOUT_MS = 60_000;

let found: string | null | undefined;

/** The LibreOffice program on PATH (soffice, else libreoffice), or null; looked up once. */
export function libreOfficeProgram(): string | null {
  if (found !== undefined) return found;
  found = null;
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of ['soffice', 'libreoffice'])
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) {
          found = candidate;
          return found;
        }
      } catch {
        // not here
      }
    }
  return found;
}

/** Whether LibreOffice is installed (cached). */
export function libreOfficeAvailable(): boolean {
  return libreOfficeProgram() !== null;
}

/**
 * The PDF of a .docx file, or null when LibreOffice is not installed. Throws when LibreOffice
 * fails, produces nothing or takes longer than 60 seconds.
 */
export async function convertDocxToPdf(docx: Buffer): Promise<Buffer | null> {
  const program = libreOfficeProgram();
  if (!program) return null;
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'minyi-pdf-'));
  try {
    const input = path.join(dir, 'issue.docx');
    const outDir = path.join(dir, 'out');
    await fs.promises.writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      input,
    ];
    const { code, output } = await runKilledAfter(program, args, dir, TIMEOUT_MS);
    const pdfPath = path.join(outDir, 'issue.pdf');
    const pdf = await fs.promises.readFile(pdfPath).catch(() => null);
    if (code === 'timeout')
      throw new Error(`LibreOffice did not convert the Word file to PDF within ${TIMEOUT_MS / 1000} s`);
    if (code !== 0 || !pdf || pdf.length === 0)
      throw new Error(
        `LibreOffice could not convert the Word file to PDF (exit code ${code}): ${output.trim().slice(-2000) || 'no output'}`,
      );
    return pdf;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the program in its own process group, so that on timeout the whole group (the soffice
 * wrapper and soffice.bin) is killed; resolves with the exit code, or 'timeout', and the output.
 */
function runKilledAfter(
  program: string,
  args: string[],
  home: string,
  timeoutMs: number,
): Promise<{ code: number | 'timeout'; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: home,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FONTCONFIG_FILE, HOME: home, SAL_USE_VCLPLUGIN: 'svp' },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < 100_000) output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`LibreOffice could not be started (${program}): ${err.message}`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 'timeout' : (code ?? -1), output });
    });
  });
}
