/**
 * Turns the PATH arguments of `jobtarget check` into workbook files. In folders, every file that looks
 * like a submission is accounted for: workbooks are read; other document formats are listed as not read
 * with the reason and what to do; Excel's lock files are skipped and counted.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { folderExtensions } from '../adapters/inputs';
import { ANNOTATED_SUFFIX } from '../adapters/xlsx/names';


export interface Reason {
  ko: string;
  en: string;
}

/** Formats a submission folder may hold that are not read, with what the reviewer can do. */
export const NOT_READ: Readonly<Record<string, Reason>> = {
  '.xls': {
    ko: 'Excel 97-2003 형식(.xls)은 읽지 않습니다 — Excel에서 열어 .xlsx로 저장한 뒤 다시 검사하세요',
    en: 'Excel 97-2003 workbooks (.xls) are not read: open it in Excel, save it as .xlsx and check again',
  },
  '.hwp': {
    ko: '한글 97~2018 형식(.hwp)은 읽지 않습니다 — 한글에서 .hwpx로 저장한 뒤 다시 검사하세요',
    en: 'binary 한글 documents (.hwp) are not read: save it as .hwpx in 한글 and check again',
  },
  '.pdf': {
    ko: 'PDF는 표를 숫자로 읽을 수 없습니다 — 원본 .xlsx 제출본을 받아 검사하세요',
    en: 'a PDF holds no readable figures: ask for the original .xlsx and check that',
  },
  '.cell': {
    ko: '한셀 문서(.cell)는 읽지 않습니다 — 한셀에서 .xlsx로 저장한 뒤 다시 검사하세요',
    en: 'Hancell workbooks (.cell) are not read: save it as .xlsx in Hancell and check again',
  },
  '.ods': {
    ko: 'OpenDocument 스프레드시트(.ods)는 읽지 않습니다 — LibreOffice에서 .xlsx로 저장한 뒤 다시 검사하세요',
    en: 'OpenDocument spreadsheets (.ods) are not read: save it as .xlsx in LibreOffice and check again',
  },
};

/**
 * A name the system stores in another encoding than UTF-8 (e.g. CP949 from an old Windows zip) reaches
 * Node with U+FFFD in place of its bytes, and no file can be opened by that name.
 */
export const UNDECODABLE_NAME: Reason = {
  ko: '파일 이름이 UTF-8이 아니어서 열 수 없습니다 — 파일 이름을 바꾼 뒤 다시 검사하세요',
  en: 'the file name is not valid UTF-8, so the file cannot be opened: rename it and check again',
};

/** True when `name` holds U+FFFD and no file of that name exists: its bytes were not valid UTF-8. */
export async function isUndecodableName(full: string): Promise<boolean> {
  if (!path.basename(full).includes('\uFFFD')) return false;
  return fs.lstat(full).then(() => false, () => true);
}

export interface NotRead {
  file: string;
  reason: Reason;
}

export interface Expanded {
  /** Files to check, as displayed (relative paths stay relative), in a stable order, without duplicates. */
  files: string[];
  /** Files found in folders in a format that is not read (arguments are always tried and reported). */
  notRead: NotRead[];
  /** Files to check and files not read, together in the order found (reports follow this order). */
  order: ({ file: string; notRead?: undefined } | { file: string; notRead: NotRead })[];
  /** Excel's lock files (~$name.xlsx) found in folders: skipped. */
  lockFiles: string[];
  /** Folders that held no candidate file at all. */
  emptyFolders: string[];
  /** Folders that could not be listed, with the reason. */
  unreadableFolders: { folder: string; code: string }[];
}

/** Excel's lock file of an open workbook ("~$계획.xlsx"): not a workbook. */
export function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

function extension(name: string): string {
  return path.extname(name).toLowerCase();
}

/** Found in a folder and read: files of a registered input format (src/adapters/inputs.ts: .xlsx, .xlsm, …), except lock files and the annotated copies jobtarget writes. */
export function isWorkbookName(name: string): boolean {
  return folderExtensions().includes(extension(name)) && !isLockFile(name) && !name.endsWith(ANNOTATED_SUFFIX);
}

/** Why a file named like this is not read, or null when it is not a candidate at all (a registered input format wins over this list). */
export function notReadReason(name: string): Reason | null {
  return Object.prototype.hasOwnProperty.call(NOT_READ, extension(name)) ? NOT_READ[extension(name)] : null;
}

type Kind = 'read' | 'not-read' | 'lock' | 'other';

function kindOf(name: string): Kind {
  if (isLockFile(name)) return folderExtensions().includes(extension(name)) || notReadReason(name) ? 'lock' : 'other';
  // A registered format is read (its reader says what is wrong, e.g. how to save a .hwp as .hwpx).
  if (isWorkbookName(name)) return 'read';
  if (notReadReason(name)) return 'not-read';
  return 'other';
}

interface Found {
  file: string;
  kind: Kind;
  /** Why a found file is not read, when its name does not already say (see UNDECODABLE_NAME). */
  reason?: Reason;
  /** For a symbolic link: the file it leads to (so a file reached twice is checked once). */
  real?: string;
}

async function walk(dir: string, out: Found[], failed: { folder: string; code: string }[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    failed.push({ folder: dir, code: (e as NodeJS.ErrnoException).code ?? 'EIO' });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      await walk(full, out, failed);
      continue;
    }
    const kind = kindOf(e.name);
    if (kind === 'other') continue;
    if (await isUndecodableName(full)) {
      out.push({ file: full, kind: 'not-read', reason: UNDECODABLE_NAME });
      continue;
    }
    if (e.isFile()) out.push({ file: full, kind });
    else if (e.isSymbolicLink()) {
      // A link to a file is followed; links to folders are not (no loops).
      const st = await fs.stat(full).catch(() => null);
      if (st?.isFile()) out.push({ file: full, kind, real: await fs.realpath(full).catch(() => full) });
    }
  }
}

/**
 * Files given as arguments are kept whatever their extension (a missing or broken one is reported when
 * read); folders are searched recursively.
 */
export async function expandPaths(inputs: string[], cwd: string): Promise<Expanded> {
  const out: Expanded = { files: [], notRead: [], order: [], lockFiles: [], emptyFolders: [], unreadableFolders: [] };
  // The same file given twice is checked once, whatever names it goes by (`./a.xlsx`, a symbolic link to
  // it, a folder given twice by two names): each file is known by its real path. Folders are walked
  // without following links to folders, so a file found in one is its folder's real path and its own
  // name, with no call per file.
  const seen = new Set<string>();
  const fresh = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const st = await fs.stat(full).catch(() => null);
    if (!st?.isDirectory()) {
      if (fresh(st ? await fs.realpath(full).catch(() => full) : full)) {
        out.files.push(input);
        out.order.push({ file: input });
      }
      continue;
    }
    const found: Found[] = [];
    const failed: { folder: string; code: string }[] = [];
    await walk(full, found, failed);
    for (const f of failed) out.unreadableFolders.push({ folder: path.join(input, path.relative(full, f.folder)), code: f.code });
    if (found.length === 0 && failed.length === 0) out.emptyFolders.push(input);
    const realFolder = await fs.realpath(full).catch(() => full);
    for (const f of found) {
      const display = path.join(input, path.relative(full, f.file));
      if (!fresh(f.real ?? path.join(realFolder, path.relative(full, f.file)))) continue;
      if (f.kind === 'read') {
        out.files.push(display);
        out.order.push({ file: display });
      } else if (f.kind === 'lock') out.lockFiles.push(display);
      else {
        const n = { file: display, reason: f.reason ?? notReadReason(display)! };
        out.notRead.push(n);
        out.order.push({ file: display, notRead: n });
      }
    }
  }
  return out;
}
