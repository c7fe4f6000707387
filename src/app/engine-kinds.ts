/** How the rules may be evaluated, for the interfaces to offer (`roster --engine`): compiled, or json-rules-engine itself. */
export { ENGINE_KINDS, type EngineKind } from '../engine/evaluator.js';
