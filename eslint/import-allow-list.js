// A local ESLint rule after VS Code's `code-import-patterns`: every file belongs to a layer (eslint/layers.js), each
// layer lists what it may import, and anything not listed is refused. A file that no layer covers is itself an
// error, so a new folder cannot slip past the rules. Type-only imports count: they are dependencies too.
import { isBuiltin } from 'node:module';
import path from 'node:path';

/** `**` any depth, `*` within one segment, `{a,b}` either; matched against repository-relative paths. */
export function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob.slice(i + 1, end).split(',').map(escape).join('|')})`;
      i = end;
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`);
}

const escape = (s) => s.replace(/[.+?^$()[\]\\|/]/g, '\\$&');
const matchesAny = (globs, p) => globs.some((g) => globToRegExp(g).test(p));

/** The npm package a bare specifier names: `@scope/name` or `name`. */
function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * What an import names, in the terms of the allow-list: `{ path }` for a file of the repository (relative to the
 * root, `..` when outside it), `{ pkg: 'node:*' }` for a Node built-in, `{ pkg }` for an npm package.
 */
export function classify(spec, importer, root) {
  const bare = spec.split('?')[0];
  if (bare.startsWith('.') || bare.startsWith('/')) {
    return { path: path.relative(root, path.resolve(path.dirname(importer), bare)).split(path.sep).join('/') };
  }
  if (bare.startsWith('node:') || isBuiltin(bare)) return { pkg: 'node:*' };
  return { pkg: packageOf(bare) };
}

/** The layer a file belongs to (the first that covers it) and whether it is a test. */
export function layerOf(file, config) {
  const isTest = matchesAny(config.tests.files, file);
  return { layer: config.layers.find((l) => matchesAny(l.files, file)) ?? null, isTest };
}

/** Null when `target` may be imported from `file`, else why not. */
export function refusal(file, target, config) {
  const { layer, isTest } = layerOf(file, config);
  if (!layer) return null;
  const paths = [...layer.paths, ...(isTest ? (layer.testPaths ?? []) : [])];
  const packages = [...layer.packages, ...(isTest ? [...config.tests.packages, ...(layer.testPackages ?? [])] : [])];
  if (target.path !== undefined ? matchesAny(paths, target.path) : packages.includes(target.pkg)) return null;
  const what = target.path ?? (target.pkg === 'node:*' ? 'Node built-ins' : `the package '${target.pkg}'`);
  return `${layer.name}${isTest ? ' (tests)' : ''} may not import ${what} (the allow-list: eslint/layers.js, docs/architecture.md)`;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the allow-list of eslint/layers.js; every file belongs to a layer.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, config: { type: 'object' } }, required: ['root', 'config'] }],
  },
  create(context) {
    const { root, config } = context.options[0];
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const check = (source) => {
      if (!source || typeof source.value !== 'string') return;
      const why = refusal(file, classify(source.value, context.filename, root), config);
      if (why) context.report({ node: source, message: why });
    };
    return {
      Program(node) {
        if (!layerOf(file, config).layer) {
          context.report({ node, loc: { line: 1, column: 0 }, message: `No import rule covers ${file}: give its folder a layer in eslint/layers.js.` });
        }
      },
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n.source),
      CallExpression: (n) => {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'Literal') check(n.arguments[0]);
      },
    };
  },
};
