import { AppError, fieldError } from '../http/errors.js';
import { extensionOf } from './file-names.js';

/**
 * What a kind of file is for, registered by the domain that uses it (imports register 'import',
 * contracts will register 'contract_scan' …): which files it accepts and how large.
 */
export interface FilePurpose {
  purpose: string;
  /** Accepted content types, lowercase and without parameters. */
  types: readonly string[];
  /** Accepted file name extensions, lowercase, without the dot. */
  extensions: readonly string[];
  /** Largest file; FILE_MAX_BYTES when unset. */
  maxBytes?: number;
}

/** Types a browser sends when it does not know better; the extension decides then. */
const GENERIC_TYPES = new Set(['application/octet-stream', 'binary/octet-stream']);

const purposes = new Map<string, FilePurpose>();

export function registerFilePurpose(def: FilePurpose): FilePurpose {
  purposes.set(def.purpose, def);
  return def;
}

/** Every registered purpose, for the check that none accepts a file a browser would run (security tests). */
export const allFilePurposes = (): FilePurpose[] => [...purposes.values()];

export function filePurpose(purpose: string): FilePurpose {
  const def = purposes.get(purpose);
  if (!def) throw fieldError('purpose', 'invalid_value');
  return def;
}

/** 415 unless both the name's extension and the declared type are among the purpose's. */
export function assertFileType(def: FilePurpose, name: string, contentType: string): void {
  const extensionOk = def.extensions.includes(extensionOf(name));
  const typeOk = def.types.includes(contentType) || GENERIC_TYPES.has(contentType);
  if (extensionOk && typeOk) return;
  const types = def.extensions.map((e) => `.${e}`).join(', ');
  throw new AppError('FILE_TYPE_NOT_ALLOWED', { params: { types }, fields: { file: { key: 'file_type', params: { types } } } });
}
