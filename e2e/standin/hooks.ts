// A module-resolution hook (Node's module.register): `electron` resolves to the stand-in, everything else as usual.
import type { ResolveHook } from 'node:module';

let standIn = '';

export function initialize(data: { standIn: string }): void {
  standIn = data.standIn;
}

export const resolve: ResolveHook = (specifier, context, next) =>
  specifier === 'electron' ? { url: standIn, shortCircuit: true, format: 'module' } : next(specifier, context);
