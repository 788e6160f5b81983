// The Go toolchain each production build is compiled with, because encoding/json's output depends
// on it: Go 1.22 (Go 1.22 release notes, encoding/json) writes U+0008 and U+000C as `\b` and `\f`, where
// earlier releases wrote `\u0008` and `\u000c`. Checked against the upstream repositories:
//
// OpenKruise Rollouts (the Lua -> JSON encoder of the routing host)
//   v0.6.2 (6f9f871d):          Dockerfile `golang:1.19-alpine3.17`, go.mod `go 1.19`
//   master (9dd6279d, 2026-06): Dockerfile `golang:1.20.14-alpine3.19`, go.mod `go 1.20`, CI GO_VERSION 1.20
// DeepFlow server (the plugin argument, simplejson over encoding/json)
//   v6.6.x:  go.mod `go 1.18`; CI (server-build.yml) setup-go 1.21.x                 -> 1.21
//   v7.0.x:  go.mod `go 1.22.0`/`toolchain go1.22.10` (v7.0.9: go1.24.3); CI 1.21.x, which
//            switches to the go.mod toolchain (GOTOOLCHAIN=auto)                      -> >= 1.22
//   v7.1.x:  go.mod `go 1.24.0`/`toolchain go1.24.4`; CI 1.24.x                       -> 1.24
//   main (2026e9de, 2026-06): go.mod `go 1.26.2`; CI 1.26.x                           -> 1.26

/** A Go release as `1.<minor>`. */
export type GoVersion = `1.${number}`;

/** What the studio emulates: Kruise's current release line and DeepFlow's main branch. */
export const PRODUCTION_GO = {
  kruise: '1.20',
  deepflow: '1.26',
} as const satisfies Record<string, GoVersion>;

/** DeepFlow server release lines and the Go each is built with (see above). */
export const DEEPFLOW_SERVER_GO = {
  'v6.6': '1.21',
  'v7.0': '1.22',
  'v7.1': '1.24',
  main: '1.26',
} as const satisfies Record<string, GoVersion>;

export function goMinor(version: GoVersion): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new Error(`not a Go 1.x version: ${version}`);
  return Number(m[1]);
}

/** The encoding/json behaviours that changed between the releases production uses. */
export interface GoJsonBehaviour {
  /** Go >= 1.22: `\b` and `\f`; before: `\u0008` and `\u000c`. */
  shortBackspaceFormFeed: boolean;
}

export function goJsonBehaviour(version: GoVersion): GoJsonBehaviour {
  return { shortBackspaceFormFeed: goMinor(version) >= 22 };
}
