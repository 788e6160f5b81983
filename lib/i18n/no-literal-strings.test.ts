// No component renders a sentence of its own: user-facing text comes from the catalogues. Found
// with the TypeScript parser: JSX text, string children, user-facing attributes (aria-label, title,
// placeholder, …) and the label-like properties of view definitions (column headers, nav labels).
// Exempt: text without letters, and anything inside <code>, <kbd>, <pre>, <samp>, <InlineCode> or
// an element marked translate="no" (HTML's own "do not translate": kinds, fields, Lua identifiers).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const SCANNED = ['app', 'components'];
/**
 * Folders and files whose strings are not in the catalogues yet (issue #10 in progress). The list
 * only shrinks; a path here that no longer exists fails the test.
 */
const NOT_YET_TRANSLATED: string[] = [];

const USER_FACING_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);
const LABEL_PROPERTIES = new Set(['header', 'label', 'title', 'placeholder', 'description', 'ariaLabel', 'emptyText', 'emptyMessage', 'hint', 'tooltip']);
const VERBATIM_ELEMENTS = new Set(['code', 'kbd', 'pre', 'samp', 'InlineCode']);
const HAS_LETTER = /\p{L}/u;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function tagName(el: ts.JsxOpeningLikeElement): string {
  return el.tagName.getText();
}

function isVerbatim(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const opening = ts.isJsxElement(n) ? n.openingElement : ts.isJsxSelfClosingElement(n) ? n : null;
    if (!opening) continue;
    if (VERBATIM_ELEMENTS.has(tagName(opening))) return true;
    const translate = opening.attributes.properties.find((a) => ts.isJsxAttribute(a) && a.name.getText() === 'translate');
    if (translate && ts.isJsxAttribute(translate) && translate.initializer && ts.isStringLiteral(translate.initializer) && translate.initializer.text === 'no') return true;
  }
  return false;
}

/** String literals a JSX child expression can evaluate to: `{'x'}`, `{a ? 'x' : 'y'}`, `{a && 'x'}`, `{a ?? 'x'}`. */
function renderedLiterals(e: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e];
  if (ts.isTemplateExpression(e)) return [e];
  if (ts.isParenthesizedExpression(e)) return renderedLiterals(e.expression);
  if (ts.isConditionalExpression(e)) return [...renderedLiterals(e.whenTrue), ...renderedLiterals(e.whenFalse)];
  if (ts.isBinaryExpression(e) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(e.operatorToken.kind))
    return renderedLiterals(e.right);
  return [];
}

function literalText(n: ts.Node): string {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isJsxText(n)) return n.text;
  return '';
}

function findLiterals(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (n: ts.Node, what: string) => {
    const s = literalText(n).replace(/\s+/g, ' ').trim();
    if (!HAS_LETTER.test(s) || isVerbatim(n)) return;
    const { line } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    found.push(`${relative(ROOT, file)}:${line + 1} ${what} "${s.slice(0, 60)}"`);
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n)) report(n, 'text');
    else if (ts.isJsxExpression(n) && n.expression && (ts.isJsxElement(n.parent) || ts.isJsxFragment(n.parent))) {
      for (const l of renderedLiterals(n.expression)) report(l, 'child');
    } else if (ts.isJsxAttribute(n) && USER_FACING_ATTRIBUTES.has(n.name.getText()) && n.initializer) {
      const init = n.initializer;
      if (ts.isStringLiteral(init)) report(init, n.name.getText());
      else if (ts.isJsxExpression(init) && init.expression) for (const l of renderedLiterals(init.expression)) report(l, n.name.getText());
    } else if (ts.isPropertyAssignment(n) && LABEL_PROPERTIES.has(n.name.getText()) && !ts.isJsxAttributes(n.parent)) {
      for (const l of renderedLiterals(n.initializer)) report(l, n.name.getText());
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

describe('no literal user-facing strings in components', () => {
  it('every path still waiting for translation exists (the list only shrinks)', () => {
    expect(NOT_YET_TRANSLATED.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('components and routes take their text from the catalogues', () => {
    const pending = (f: string) => NOT_YET_TRANSLATED.some((p) => relative(ROOT, f) === p || relative(ROOT, f).startsWith(`${p}/`));
    const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d))).filter((f) => !pending(f));
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(findLiterals)).toEqual([]);
  });

  it('the scanner finds what it must and leaves verbatim text alone', () => {
    const dir = join(ROOT, 'node_modules', '.cache');
    const probe = join(dir, 'i18n-probe.tsx');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      probe,
      `const cols = [{ header: 'Name' }, { header: '' }];
       export function A({ on }: { on: boolean }) {
         return <div title="Open it" aria-label={t('x')}>
           Hello {on ? 'yes' : t('no')} · {'—'}
           <code>metadata.name</code><span translate="no">VirtualService</span>
           <input placeholder={\`Filter \${n}\`} />
         </div>;
       }`,
    );
    const found = findLiterals(probe).map((s) => s.replace(/^.*?:\d+ /, ''));
    expect(found).toEqual(['header "Name"', 'title "Open it"', 'text "Hello"', 'child "yes"', 'placeholder "Filter"']);
  });
});
