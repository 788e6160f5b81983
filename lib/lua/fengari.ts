// The only import of the pre-bundled fengari (scripts/build-engine.mjs generates vendor/fengari.mjs
// and its .d.mts). Importing `fengari` from node_modules would take its Node paths (io, os.execute).
import fengari from './vendor/fengari.mjs';

export default fengari;
