import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AppContext, type AuditFn, inTransaction, type Tx, type Who } from '../../context.ts';
import { sha256 } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);
const isText = (buf: Buffer) => !buf.includes(0) && Buffer.from(buf.toString('utf8'), 'utf8').equals(buf);

/**
 * Accepted attachment types by extension, each with its media type and a check of the file's
 * first bytes, so a renamed executable or script is refused whatever its name says.
 */
export const ATTACHMENT_TYPES: Record<string, { mime: string; sniff: (b: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', sniff: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46]) },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    sniff: (b) => startsWith(b, ZIP),
  },
  doc: { mime: 'application/msword', sniff: (b) => startsWith(b, OLE) },
  wps: { mime: 'application/vnd.ms-works', sniff: (b) => startsWith(b, OLE) || startsWith(b, ZIP) },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    sniff: (b) => startsWith(b, ZIP),
  },
  xls: { mime: 'application/vnd.ms-excel', sniff: (b) => startsWith(b, OLE) },
  ofd: { mime: 'application/ofd', sniff: (b) => startsWith(b, ZIP) },
  jpg: { mime: 'image/jpeg', sniff: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { mime: 'image/jpeg', sniff: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  png: { mime: 'image/png', sniff: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]) },
  txt: { mime: 'text/plain; charset=utf-8', sniff: isText },
};

export function extensionOf(fileName: string): string {
  return path.extname(fileName).slice(1).toLowerCase();
}

/** A file name safe to show and to send back: no path, no control characters, at most 100 characters. */
export function cleanFileName(fileName: string): string {
  const base = path.basename(fileName.replaceAll('\\', '/'));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').slice(-100) || '附件';
}

/** Stores a file under the data directory (never the web root) and returns its key and digest. */
export async function storeFile(dataDir: string, buf: Buffer): Promise<{ key: string; sha256: string }> {
  const key = path.join(new Date().toISOString().slice(0, 7), randomUUID());
  const full = path.join(dataDir, 'attachments', key);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, buf, { flag: 'wx' });
  return { key, sha256: sha256(buf) };
}

export function readStoredFile(dataDir: string, key: string): Promise<Buffer> {
  return readFile(path.join(dataDir, 'attachments', key));
}

/** Removes a stored file whose record was not written (the upload's transaction failed). */
export function removeStoredFile(dataDir: string, key: string): Promise<void> {
  return rm(path.join(dataDir, 'attachments', key), { force: true });
}

/**
 * Reads the one file of a multipart upload and checks it: a whitelisted type whose content
 * matches its extension, not empty, not larger than `maxMb`.
 */
export async function readUpload(
  request: FastifyRequest,
  maxMb: number,
): Promise<{ fileName: string; type: { mime: string }; buf: Buffer }> {
  if (!request.isMultipart()) throw new AppError('BAD_REQUEST', '请以表单方式上传附件');
  const maxBytes = maxMb * 1_048_576;
  const file = await request.file({ limits: { fileSize: maxBytes } });
  if (!file) throw new AppError('BAD_REQUEST', '请选择要上传的文件');
  const fileName = cleanFileName(file.filename);
  const extension = extensionOf(fileName);
  const type = Object.hasOwn(ATTACHMENT_TYPES, extension) ? ATTACHMENT_TYPES[extension] : undefined;
  const types = Object.keys(ATTACHMENT_TYPES).join('、');
  if (!type) throw new AppError('ATTACHMENT_REJECTED', `不支持该类型的附件，请上传以下格式：${types}`);
  const buf = await file.toBuffer();
  if (file.file.truncated || buf.length > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `附件不能超过${maxMb}MB`);
  if (buf.length === 0) throw new AppError('ATTACHMENT_REJECTED', '附件是空文件');
  if (!type.sniff(buf))
    throw new AppError('ATTACHMENT_REJECTED', '附件内容与其扩展名不符，请确认文件未损坏且格式正确');
  return { fileName, type, buf };
}

/** The columns every file table (attachments, feedback scans, reply scans) writes for an upload. */
export interface UploadColumns {
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  created_at: string;
}

/**
 * Reads and checks the request's file, stores it, and records it in one transaction with its
 * audit row (`record` inserts the row into its own table and may check again what may have
 * changed while the file arrived); if that fails, the stored file is removed again.
 */
export async function recordUpload<T>(
  ctx: AppContext,
  who: Who,
  request: FastifyRequest,
  maxMb: number,
  uploadedBy: number,
  record: (tx: Tx, audit: AuditFn, file: UploadColumns) => Promise<T>,
): Promise<{ result: T; file: UploadColumns }> {
  const { fileName, type, buf } = await readUpload(request, maxMb);
  const stored = await storeFile(ctx.config.dataDir, buf);
  const file: UploadColumns = {
    file_name: fileName,
    mime: type.mime,
    size: buf.length,
    sha256: stored.sha256,
    storage_key: stored.key,
    uploaded_by: uploadedBy,
    created_at: ctx.clock.iso(),
  };
  try {
    return { result: await inTransaction(ctx, who, (tx, audit) => record(tx, audit, file)), file };
  } catch (error) {
    await removeStoredFile(ctx.config.dataDir, stored.key);
    throw error;
  }
}

/** Sends a stored file as a download: its own type, never sniffed, never cached by others. */
export function sendDownload(reply: FastifyReply, buf: Buffer, mime: string, fileName: string) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(buf);
}
