import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The service areas import each other one way (docs/architecture.md): the graph of areas built from the import
 * statements of src/services has no cycle. (That an area is entered only through its index.ts is a lint rule:
 * eslint.config.js, retour/service-areas.)
 */
const ROOT = resolve(import.meta.dirname, '..');
const SERVICES = join(ROOT, 'src/services');

const areaOf = (file: string): string | null => {
  const m = /^src\/services\/([^/]+)\//.exec(relative(ROOT, file).split(sep).join('/'));
  return m ? m[1]! : null;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}

const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** area → the areas it imports, each with one import that shows it. */
function areaGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SERVICES)) {
    const from = areaOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const to = areaOf(resolve(dirname(file), spec!));
      if (to && to !== from && !edges.has(to)) edges.set(to, `${posix.normalize(relative(ROOT, file).split(sep).join('/'))} imports ${spec}`);
    }
  }
  return graph;
}

/** The first cycle found, as a path that returns to where it started; null if the graph has none. */
function findCycle(graph: Map<string, Iterable<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('service areas', () => {
  it('the cycle finder finds a cycle and passes a one-way graph', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toBeNull();
  });

  it('import each other one way: no cycle between areas', () => {
    const graph = areaGraph();
    expect(graph.size).toBeGreaterThan(10);
    expect(graph.get('portal')?.has('cases')).toBe(true);
    const cycle = findCycle(new Map([...graph].map(([area, edges]) => [area, [...edges.keys()]])));
    const shown = cycle?.slice(1).map((to, i) => graph.get(cycle[i]!)!.get(to));
    expect(shown ?? null, `areas import each other in a cycle: ${cycle?.join(' → ')}`).toBeNull();
  });
});
