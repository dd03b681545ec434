import { createRequire } from "node:module";
import { Language, Parser, type Node } from "web-tree-sitter";

// A Bicep file read with the tree-sitter Bicep grammar (tree-sitter-grammars/tree-sitter-bicep,
// run by web-tree-sitter's WebAssembly: no native build, no Bicep CLI). It checks syntax
// and gives the declarations; what Azure would make of them is checked by the tests.

export interface BicepParam {
  name: string;
  type: string;
  decorators: string[];
  /** The default value's source text, if any. */
  default?: string;
}

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  existing: boolean;
  conditional: boolean;
  /** The body's source text. */
  body: string;
}

export interface BicepFile {
  errors: { row: number; column: number; text: string }[];
  params: BicepParam[];
  vars: string[];
  resources: BicepResource[];
  outputs: { name: string; type: string; decorators: string[] }[];
  /** Identifiers used as values that nothing in the file declares. */
  undeclared: string[];
  /** Functions called (besides decorators). */
  functions: string[];
}

let parser: Parser | undefined;

async function bicepParser(): Promise<Parser> {
  if (parser) return parser;
  const require = createRequire(import.meta.url);
  await Parser.init();
  const language = await Language.load(require.resolve("tree-sitter-bicep/tree-sitter-bicep.wasm"));
  parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.children) if (child) walk(child, visit);
}

function unquote(s: string): string {
  return s.replace(/^'|'$/g, "");
}

/** The decorators written above a declaration (the grammar makes them its preceding sibling). */
function decoratorsOf(node: Node): string[] {
  let prev = node.previousNamedSibling;
  while (prev?.type === "comment") prev = prev.previousNamedSibling;
  const decorators = prev?.type === "decorators" ? prev : node.namedChildren.find((c) => c?.type === "decorators");
  return (decorators?.namedChildren ?? []).filter((d): d is Node => d !== null && d.type === "decorator").map((d) => d.text);
}

const DECLARATIONS = new Set(["parameter_declaration", "variable_declaration", "resource_declaration", "output_declaration"]);

/** Parse a Bicep file. */
export async function parseBicep(text: string): Promise<BicepFile> {
  const tree = (await bicepParser()).parse(text);
  if (!tree) throw new Error("tree-sitter returned no tree");
  const root = tree.rootNode;
  const file: BicepFile = { errors: [], params: [], vars: [], resources: [], outputs: [], undeclared: [], functions: [] };

  walk(root, (n) => {
    if (n.type === "ERROR" || n.isMissing) file.errors.push({ row: n.startPosition.row + 1, column: n.startPosition.column + 1, text: n.text.slice(0, 60) });
  });

  for (const decl of root.namedChildren) {
    if (!decl) continue;
    const named = decl.namedChildren.filter((c): c is Node => c !== null && c.type !== "decorators");
    const name = named[0]?.text ?? "";
    if (decl.type === "parameter_declaration") {
      const value = named.slice(2).find((c) => c.type !== "comment");
      file.params.push({ name, type: named[1]?.text ?? "", decorators: decoratorsOf(decl), ...(value ? { default: value.text } : {}) });
    } else if (decl.type === "variable_declaration") {
      file.vars.push(name);
    } else if (decl.type === "resource_declaration") {
      const [type, apiVersion] = unquote(named[1]?.text ?? "").split("@");
      const body = named.at(-1)!;
      file.resources.push({
        symbol: name,
        type: type ?? "",
        apiVersion: apiVersion ?? "",
        existing: /'\s+existing\s*=/.test(decl.text),
        conditional: body.type === "if_statement",
        body: body.text,
      });
    } else if (decl.type === "output_declaration") {
      file.outputs.push({ name, type: named[1]?.text ?? "", decorators: decoratorsOf(decl) });
    }
  }

  // Every identifier used as a value must be declared in the file.
  const declared = new Set([...file.params.map((p) => p.name), ...file.vars, ...file.resources.map((r) => r.symbol), ...file.outputs.map((o) => o.name)]);
  const undeclared = new Set<string>();
  const functions = new Set<string>();
  walk(root, (n) => {
    if (n.type !== "identifier") return;
    const parent = n.parent;
    if (!parent) return;
    if (DECLARATIONS.has(parent.type) && parent.namedChildren.find((c) => c?.type === "identifier")?.id === n.id) return;
    if (parent.type === "object_property" && parent.namedChildren[0]?.id === n.id) return;
    if (parent.type === "call_expression" && parent.childForFieldName("function")?.id === n.id) {
      if (!hasAncestor(n, "decorator")) functions.add(n.text);
      return;
    }
    if (hasAncestor(n, "type")) return;
    if (!declared.has(n.text)) undeclared.add(`${n.text} (line ${n.startPosition.row + 1})`);
  });
  file.undeclared = [...undeclared];
  file.functions = [...functions].sort();
  return file;
}

function hasAncestor(node: Node, type: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return true;
  return false;
}
