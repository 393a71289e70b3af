// Every way into the web app, read from the source tree at test time (never from a hand-kept list):
// route handlers (app/**/route.ts, one endpoint per exported HTTP method), server actions (exported
// async functions of "use server" modules in app/ and lib/, and inline "use server" functions) and
// pages (app/**/page.tsx). A new file is a new endpoint, and the matrix fails until it has a fixture.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteEndpoint = { kind: "route"; id: string; file: string; method: HttpMethod; path: string };
export type ActionEndpoint = { kind: "action"; id: string; file: string; name: string; inline: boolean };
export type PageEndpoint = { kind: "page"; id: string; file: string; path: string };
export type Endpoint = RouteEndpoint | ActionEndpoint | PageEndpoint;

const SKIP = new Set(["node_modules", "generated", ".next"]);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry) || entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry) && !/\.d\.ts$/.test(entry)) out.push(full);
  }
  return out;
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** "app/api/studies/[studyId]/activity/route.ts" → "/api/studies/[studyId]/activity"; route groups "(x)" vanish. */
export function urlPathOf(file: string): string {
  const segments = path.dirname(relative(file)).split("/").slice(1);
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${kept.join("/")}`;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

const hasExport = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isAsync = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);

/** Names a module exports (declarations, `export { a as B }`, variables). */
function exportedNames(source: ts.SourceFile): { name: string; node: ts.Node }[] {
  const names: { name: string; node: ts.Node }[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && hasExport(statement) && statement.name) names.push({ name: statement.name.text, node: statement });
    if (ts.isVariableStatement(statement) && hasExport(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push({ name: d.name.text, node: d.initializer ?? d });
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const e of statement.exportClause.elements) names.push({ name: e.name.text, node: e });
    }
  }
  return names;
}

/** A module whose first statement is the "use server" directive. */
function isServerModule(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

function isFunctionLike(node: ts.Node): node is ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression {
  return ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** Functions whose body opens with "use server" (server actions declared inside components). */
function inlineServerFunctions(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (isFunctionLike(node) && node.body && ts.isBlock(node.body)) {
      const first = node.body.statements[0];
      if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server") {
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name) ? node.parent.name.text : `inline@${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        found.push(name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function discoverRoutes(root = ROOT): RouteEndpoint[] {
  const files = walk(path.join(root, "app")).filter((f) => /\/route\.(ts|js|mjs)$/.test(f));
  return files.flatMap((file) => {
    const urlPath = urlPathOf(file);
    return exportedNames(parse(file))
      .map((e) => e.name)
      .filter((name): name is HttpMethod => (HTTP_METHODS as readonly string[]).includes(name))
      .map((method) => ({ kind: "route" as const, id: `route ${method} ${urlPath}`, file: relative(file), method, path: urlPath }));
  });
}

export function discoverActions(root = ROOT): ActionEndpoint[] {
  const files = [...walk(path.join(root, "app")), ...walk(path.join(root, "lib"))];
  return files.flatMap((file) => {
    const source = parse(file);
    const rel = relative(file);
    const exported = isServerModule(source)
      ? exportedNames(source)
          // Next registers every async export of a "use server" module as an action.
          .filter((e) => isAsync(e.node) || ts.isExportSpecifier(e.node))
          .map((e) => ({ kind: "action" as const, id: `action ${rel}#${e.name}`, file: rel, name: e.name, inline: false }))
      : [];
    const inline = inlineServerFunctions(source).map((name) => ({ kind: "action" as const, id: `action ${rel}#${name}`, file: rel, name, inline: true }));
    return [...exported, ...inline];
  });
}

export function discoverPages(root = ROOT): PageEndpoint[] {
  const files = walk(path.join(root, "app")).filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f));
  return files.map((file) => ({ kind: "page" as const, id: `page ${urlPathOf(file)}`, file: relative(file), path: urlPathOf(file) }));
}

export function discoverEndpoints(root = ROOT): Endpoint[] {
  const all = [...discoverRoutes(root), ...discoverActions(root), ...discoverPages(root)];
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

/** "/studies/[studyId]/themes/[themeId]" with { studyId, themeId } → a concrete URL path. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\[(\.\.\.)?(\w+)\]/g, (_, rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${template}`);
    // A catch-all segment takes several path segments.
    return rest ? value.split("/").map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}
