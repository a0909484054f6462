/** Turns the PATH arguments of `jobtarget check` into a list of workbook files. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { folderExtensions } from '../adapters/inputs';
import { ANNOTATED_SUFFIX } from '../adapters/xlsx/names';

export interface Expanded {
  /** Files to check, as displayed (relative paths stay relative), in a stable order, without duplicates. */
  files: string[];
  /** Folders that held no workbook. */
  emptyFolders: string[];
  /** Folders that could not be listed, with the reason. */
  unreadableFolders: { folder: string; code: string }[];
}

/** Excel's lock file of an open workbook ("~$계획.xlsx"): not a workbook. */
export function isLockFile(name: string): boolean {
  return name.startsWith('~$');
}

/** Found in a folder: files of a registered input format (src/adapters/inputs.ts), except lock files and the annotated copies jobtarget writes. */
export function isWorkbookName(name: string): boolean {
  const ext = path.extname(name).toLowerCase();
  return folderExtensions().includes(ext) && !isLockFile(name) && !name.endsWith(ANNOTATED_SUFFIX);
}

async function walk(dir: string, out: string[], failed: { folder: string; code: string }[]): Promise<void> {
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
    if (e.isDirectory()) await walk(full, out, failed);
    else if (e.isFile() && isWorkbookName(e.name)) out.push(full);
    else if (e.isSymbolicLink() && isWorkbookName(e.name)) {
      // A link to a workbook is checked; links to folders are not followed (no loops).
      const st = await fs.stat(full).catch(() => null);
      if (st?.isFile()) out.push(full);
    }
  }
}

/**
 * Files are kept as given (whatever their extension: a missing or broken one is reported when read);
 * folders are searched recursively for *.xlsx.
 */
export async function expandPaths(inputs: string[], cwd: string): Promise<Expanded> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  const unreadableFolders: { folder: string; code: string }[] = [];
  const seen = new Set<string>();
  const add = (display: string) => {
    const key = path.resolve(cwd, display);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(display);
  };
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const st = await fs.stat(full).catch(() => null);
    if (st?.isDirectory()) {
      const found: string[] = [];
      const failed: { folder: string; code: string }[] = [];
      await walk(full, found, failed);
      for (const f of failed) unreadableFolders.push({ folder: path.join(input, path.relative(full, f.folder)), code: f.code });
      if (found.length === 0 && failed.length === 0) emptyFolders.push(input);
      for (const f of found) add(path.join(input, path.relative(full, f)));
    } else {
      add(input);
    }
  }
  return { files, emptyFolders, unreadableFolders };
}
