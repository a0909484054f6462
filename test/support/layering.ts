/**
 * The layering rule of the core, as a lint the tests run: src/core imports only src/core — nothing from
 * the adapters, the task pane, the CLI, no package (Office.js, exceljs, React …) and no Node built-in —
 * and uses no DOM, Office or Node global. Imports are read with the TypeScript parser (import and export
 * declarations, import() and require() calls, import types), so a comment or a string mentioning a path
 * is never taken for an import.
 */
import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface Violation {
  file: string;
  line: number;
  /** What was imported or used. */
  what: string;
  why: string;
}

/** Globals of the DOM, Office.js and Node that the core may not use (it runs in both front ends). */
const FORBIDDEN_GLOBALS = new Set([
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'fetch', 'XMLHttpRequest',
  'Office', 'Excel', 'OfficeExtension',
  'process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module',
]);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Is `node` an identifier used as a value or type name of its own (not a property name or a declaration)? */
function isFreeUse(node: ts.Identifier): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if (ts.isQualifiedName(p) && p.right === node) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === node) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p) || ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.name === node) return false;
  if (ts.isShorthandPropertyAssignment(p)) return true;
  // require('x') is reported as the import it is.
  if (ts.isCallExpression(p) && p.expression === node && node.text === 'require') return false;
  if (ts.isBindingElement(p) && p.propertyName === node) return false;
  return true;
}

/** Violations of the core's layering in the files under `coreDir`. */
export function checkLayering(coreDir: string): Violation[] {
  const root = path.resolve(coreDir);
  const violations: Violation[] = [];
  for (const file of sourceFiles(root)) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const rel = path.relative(root, file);
    const report = (node: ts.Node, what: string, why: string) =>
      violations.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, what, why });
    const checkSpecifier = (node: ts.Node, spec: string) => {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        if (target !== root && !target.startsWith(root + path.sep)) report(node, spec, `reaches outside src/core (${path.relative(path.dirname(root), target)})`);
      } else if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) {
        report(node, spec, 'a Node built-in');
      } else {
        report(node, spec, 'a package: the core uses none (Office.js, exceljs, React … belong to the adapters and front ends)');
      }
    };
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        checkSpecifier(node, node.moduleSpecifier.text);
      } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
        checkSpecifier(node, node.moduleReference.expression.text);
      } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
        const arg = node.arguments[0];
        if (arg && ts.isStringLiteralLike(arg)) checkSpecifier(node, arg.text);
        else report(node, node.getText(sf), 'a computed import');
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        checkSpecifier(node, node.argument.literal.text);
      } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isFreeUse(node)) {
        report(node, node.text, 'a DOM, Office.js or Node global');
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return violations;
}
