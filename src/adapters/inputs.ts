/**
 * Input formats `jobtarget check` reads, by file extension: one module per format in the list below.
 * Each turns a file (or its bytes) into the GridWorkbook the core reads. Readers are loaded only when a
 * file of their format is read, so start-up stays light.
 */
import * as path from 'path';
import type { GridWorkbook } from '../core/grid/grid';
import { hwpxInput } from './hwpx/input';
import { textInput } from './text/input';
import { xlsmInput, xlsxInput } from './xlsx/input';

export interface InputRead {
  grid: GridWorkbook;
  /** sha256 of the bytes read, hex. */
  sha256: string;
  /** Size of the file in bytes. */
  bytes: number;
  /** Sheets that are in the file but hidden (they come after the visible ones in the grid). */
  hiddenSheets: string[];
  /** The file's bytes, when the format can be annotated: the annotated copy is made from them, not from a second read. */
  buffer?: Buffer;
}

export interface InputFormat {
  /** Stable id, e.g. 'xlsx'. */
  id: string;
  /** Lower-case extensions with the dot, e.g. ['.xlsx']. */
  extensions: readonly string[];
  /** What the format is called in messages. */
  label: { ko: string; en: string };
  /** Picked up when a folder is searched (files given by name are always read). */
  inFolders: boolean;
  /** `check --annotate` can write an annotated copy of it. */
  annotatable: boolean;
  /** Reads a file by path, or bytes already in memory (`name` is then only used in messages). Throws InputReadError. */
  read(source: string | Buffer, name?: string): Promise<InputRead>;
}

/** Every input format, in the order their extensions are matched. The first one also reads files of unknown extension. */
export const INPUT_FORMATS: readonly InputFormat[] = [xlsxInput, xlsmInput, textInput, hwpxInput];

/** The format a file name's extension selects, if any. */
export function formatOf(file: string): InputFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  return INPUT_FORMATS.find((f) => f.extensions.includes(ext));
}

/** Extensions searched for in folders, e.g. ['.xlsx']. */
export function folderExtensions(): string[] {
  return INPUT_FORMATS.filter((f) => f.inFolders).flatMap((f) => f.extensions);
}

/**
 * Reads an input with the format of its extension; a file given by name with another extension is read
 * as the first format (a workbook saved under an odd name), whose checks of the bytes say what it is.
 */
export function readInput(source: string | Buffer, name?: string): Promise<InputRead & { format: string }> {
  const format = formatOf(name ?? (typeof source === 'string' ? source : '')) ?? INPUT_FORMATS[0];
  return format.read(source, name).then((r) => ({ ...r, format: format.id }));
}
