/**
 * Requirement sets from the API's own annotations: every member of @types/office-js carries a
 * "[Api set: ExcelApi x.y]" note. `findUnguardedCalls` walks the add-in's sources with the TypeScript
 * compiler, finds each use of an Excel API member newer than MIN_EXCEL_API (and newer than its class,
 * whose own use was checked where the object was obtained), and reports the ones not guarded by a
 * check for at least that version:
 *   if (host.supports('ExcelApi', '1.18')) { … }        cond ? … : …        a && …
 *   if (!host.supports('ExcelApi', '1.18')) return;      (the rest of the block)
 *   const withMerges = host.supports('ExcelApi', '1.13'); if (withMerges) …
 *   /** @requires ExcelApi 1.13 *\/ function f() { … }     (then every use of f is checked instead)
 * Office.context.requirements.isSetSupported('ExcelApi', v) counts as a check too.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../..');
export const SCANNED = ['src/adapters/office', 'src/taskpane', 'src/commands'];

export function versionNumber(v: string): number {
  const [a, b] = v.split('.').map(Number);
  return a * 1000 + (b ?? 0);
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listSources(rel));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path.join(ROOT, rel));
  }
  return out;
}

export function scannedFiles(): string[] {
  return SCANNED.flatMap(listSources).sort();
}

function compilerOptions(): ts.CompilerOptions {
  const cfg = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, ROOT);
  return { ...parsed.options, noEmit: true };
}

/** A program over the scanned files; `override` replaces a file's text (for the mutation self-test). */
export function makeProgram(override?: { file: string; text: string }, old?: ts.Program): ts.Program {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  if (override) {
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, lang, onError, shouldCreate) =>
      path.resolve(fileName) === path.resolve(override.file) ? ts.createSourceFile(fileName, override.text, lang) : getSourceFile(fileName, lang, onError, shouldCreate);
  }
  return ts.createProgram({ rootNames: scannedFiles(), options, host, oldProgram: old });
}

const API_SET = /\[Api set: ExcelApi (\d+\.\d+)/;

function leadingNote(node: ts.Node): string | null {
  const sf = node.getSourceFile();
  const ranges = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  for (const r of ranges.reverse()) {
    const m = API_SET.exec(sf.text.slice(r.pos, r.end));
    if (m) return m[1];
  }
  return null;
}

function inExcelNamespace(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (ts.isModuleDeclaration(n) && n.name.text === 'Excel') return true;
  return false;
}

/** The ExcelApi version a declaration of @types/office-js needs, and its class's. */
export function apiSetOf(decl: ts.Declaration): { member: string | null; owner: string | null; name: string } {
  const owner = decl.parent && (ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent)) ? decl.parent : null;
  const ownerName = owner?.name?.text ?? '?';
  const memberName = (decl as ts.NamedDeclaration).name?.getText() ?? '?';
  return { member: leadingNote(decl), owner: owner ? leadingNote(owner) : null, name: `${ownerName}.${memberName}` };
}

export interface Violation {
  where: string;
  api: string;
  needs: string;
  guarded: string | null;
}

function isOfficeJs(decl: ts.Declaration): boolean {
  return /[\\/]@types[\\/]office-js[\\/]/.test(decl.getSourceFile().fileName);
}

/** Versions a condition guarantees when true. */
function positive(expr: ts.Expression, checker: ts.TypeChecker, seen = new Set<ts.Node>()): number {
  if (seen.has(expr)) return 0;
  seen.add(expr);
  if (ts.isParenthesizedExpression(expr)) return positive(expr.expression, checker, seen);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return Math.max(positive(expr.left, checker, seen), positive(expr.right, checker, seen));
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return Math.min(positive(expr.left, checker, seen), positive(expr.right, checker, seen));
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && ['supports', 'isSetSupported'].includes(expr.expression.name.text)) {
    const [set, version] = expr.arguments;
    if (set && version && ts.isStringLiteral(set) && ts.isStringLiteral(version) && set.text === 'ExcelApi') return versionNumber(version.text);
    return 0;
  }
  if (ts.isIdentifier(expr)) {
    const decl = checker.getSymbolAtLocation(expr)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) return positive(decl.initializer, checker, seen);
  }
  return 0;
}

/** Versions a condition guarantees when false. */
function negative(expr: ts.Expression, checker: ts.TypeChecker): number {
  if (ts.isParenthesizedExpression(expr)) return negative(expr.expression, checker);
  if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.ExclamationToken) return positive(expr.operand, checker);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return Math.max(negative(expr.left, checker), negative(expr.right, checker));
  return 0;
}

function exits(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt) || ts.isContinueStatement(stmt) || ts.isBreakStatement(stmt)) return true;
  if (ts.isBlock(stmt)) return stmt.statements.length > 0 && exits(stmt.statements[stmt.statements.length - 1]);
  return false;
}

const REQUIRES = /@requires\s+ExcelApi\s+(\d+\.\d+)/;

/** The version a function declares it needs (JSDoc `@requires ExcelApi x.y`), for function-like nodes and const-bound arrows. */
export function requiresOf(node: ts.Node): string | null {
  let target: ts.Node = node;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent)) target = node.parent.parent.parent; // the VariableStatement
  if (!(ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || target !== node)) return null;
  const sf = target.getSourceFile();
  for (const r of ts.getLeadingCommentRanges(sf.text, target.getFullStart()) ?? []) {
    const m = REQUIRES.exec(sf.text.slice(r.pos, r.end));
    if (m) return m[1];
  }
  return null;
}

/** The highest ExcelApi version guaranteed where `node` runs. */
function guardAt(node: ts.Node, checker: ts.TypeChecker): number {
  let best = 0;
  let child: ts.Node = node;
  for (let a: ts.Node | undefined = node.parent; a; child = a, a = a.parent) {
    if (ts.isIfStatement(a)) {
      if (child === a.thenStatement) best = Math.max(best, positive(a.expression, checker));
      else if (child === a.elseStatement) best = Math.max(best, negative(a.expression, checker));
    } else if (ts.isConditionalExpression(a)) {
      if (child === a.whenTrue) best = Math.max(best, positive(a.condition, checker));
      else if (child === a.whenFalse) best = Math.max(best, negative(a.condition, checker));
    } else if (ts.isBinaryExpression(a) && child === a.right) {
      if (a.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) best = Math.max(best, positive(a.left, checker));
      if (a.operatorToken.kind === ts.SyntaxKind.BarBarToken) best = Math.max(best, negative(a.left, checker));
    } else if (ts.isBlock(a) || ts.isSourceFile(a) || ts.isModuleBlock(a) || ts.isCaseClause(a)) {
      const statements = (a as ts.Block).statements;
      for (const s of statements) {
        if (s === child) break;
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) best = Math.max(best, negative(s.expression, checker));
      }
    }
    const req = requiresOf(a);
    if (req) best = Math.max(best, versionNumber(req));
  }
  return best;
}

function where(node: ts.Node): string {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
  return `${path.relative(ROOT, sf.fileName)}:${line + 1}`;
}

function showVersion(n: number): string {
  return `${Math.floor(n / 1000)}.${n % 1000}`;
}

/** Every use of an Excel API member (or @requires function) newer than `baseline` without a guard. */
export function findUnguardedCalls(program: ts.Program, baseline: string): { violations: Violation[]; checked: { api: string; needs: string; where: string }[] } {
  const checker = program.getTypeChecker();
  const base = versionNumber(baseline);
  const violations: Violation[] = [];
  const checked: { api: string; needs: string; where: string }[] = [];
  const scanned = new Set(scannedFiles().map((f) => path.resolve(f)));
  for (const sf of program.getSourceFiles()) {
    if (!scanned.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      let need: { api: string; version: string } | null = null;
      if (ts.isPropertyAccessExpression(node)) {
        const decl = checker.getSymbolAtLocation(node.name)?.declarations?.[0];
        if (decl && isOfficeJs(decl) && inExcelNamespace(decl)) {
          const set = apiSetOf(decl);
          if (set.member && versionNumber(set.member) > base && (!set.owner || versionNumber(set.member) > versionNumber(set.owner))) need = { api: set.name, version: set.member };
        }
      } else if (ts.isIdentifier(node) && (node.parent as ts.NamedDeclaration).name !== node) {
        const sym = checker.getSymbolAtLocation(node);
        const resolved = sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
        const decl = resolved?.valueDeclaration;
        const fn = decl && (ts.isFunctionDeclaration(decl) ? decl : ts.isVariableDeclaration(decl) && decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)) ? decl.initializer : null);
        const req = fn ? requiresOf(fn) : null;
        if (req && versionNumber(req) > base && !ts.isImportSpecifier(node.parent) && !ts.isExportSpecifier(node.parent)) need = { api: `${node.text}() (@requires)`, version: req };
      }
      if (need) {
        const guarded = guardAt(node, checker);
        checked.push({ api: need.api, needs: need.version, where: where(node) });
        if (guarded < versionNumber(need.version)) violations.push({ where: where(node), api: need.api, needs: need.version, guarded: guarded ? showVersion(guarded) : null });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { violations, checked };
}
