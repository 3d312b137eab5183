import { FILE_NAME_MAX } from '@contracts/files.js';

/** Characters no file system or header should see in a name: controls, path separators, Windows' reserved ones. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;

/**
 * The name a user will see and download again: the last path segment only (browsers and some
 * clients send "C:\fakepath\x.pdf"), without unsafe characters or leading dots, at most 200
 * characters with the extension kept. Never empty.
 */
export function sanitizeFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  let name = last.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  if (name === '' || /^_+$/.test(name)) name = 'file';
  if (name.length <= FILE_NAME_MAX) return name;
  const ext = extensionOf(name);
  const tail = ext && ext.length < 20 ? `.${ext}` : '';
  return `${name.slice(0, FILE_NAME_MAX - tail.length)}${tail}`;
}

/** 'Scan.PDF' → 'pdf'; '' without an extension. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** 'Text/CSV; charset=utf-8' → 'text/csv'; anything that is not a media type → application/octet-stream. */
export function normaliseContentType(raw: string | null | undefined): string {
  const type = (raw ?? '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(type) && type.length <= 200 ? type : 'application/octet-stream';
}

/** RFC 6266: an ASCII fallback for old clients, and the real (UTF-8) name in filename*. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
