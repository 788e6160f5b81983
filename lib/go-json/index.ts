// Go's encoding/json and utf8 rules as production's Go builds apply them. Pure (no Lua, no Node):
// the Kruise and DeepFlow hosts, the engine and the UI may all import it.
export { goJsonQuote, goJsonQuoteBytes, goJsonNumber, goMarshal, compareUtf8, compareBytes, GoJsonError } from './encode';
export { decodeRune, bytesToGoString } from './utf8';
export { PRODUCTION_GO, DEEPFLOW_SERVER_GO, goJsonBehaviour, goMinor, type GoVersion, type GoJsonBehaviour } from './versions';
