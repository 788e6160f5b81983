// Entry bundled by scripts/bench.mjs (esbuild at run time): the hosts plus the benchmark's inputs.
export { tagPods, podMetadataJson } from '../deepflow';
export { routeSteps } from '../kruise';
export { generateCluster } from './pods';
export { nativeDriver } from './native';
