// OpenKruise Rollout custom traffic routing host: pure functions of plain JSON (no Node imports).
//   routeSteps(input)                 per-step obj / result / error (controller or test mode)
//   parseRouteInput(input)            validation with typed errors (CLI exit 2)
//   resolveScript(ref, sources)       built-in before ConfigMap, shadowed keys reported
//   runTestCase(testCase, script)     Kruise testdata replay with TestLuaScript semantics
//   encodeLuaValue / goJsonDecode / registerJsonModule / decodeData   the codec pieces
export { routeSteps, runStep, asLuaSees, type RouteMode, type RouteStep, type RouteInput, type RouteOutput } from './route';
export { parseRouteInput, parseTraffic, applyCrdDefaults, ORIGINAL_SPEC_ANNOTATION, type RouteInputError, type RouteInputErrorCode, type ParsedRouteInput } from './input';
export { resolveScript, configMapKey, scriptGroup, kruiseBuiltins, KRUISE_BUILTIN_KEYS, KRUISE_CONFIGMAP, type ResolvedScript, type ScriptRef } from './script';
export { runTestCase, expectedData, canonicalJson, type TestCaseStep } from './testcase';
export { decodeData, originalData, type KruiseData } from './data';
export { encodeLuaValue, MARSHAL_PREFIX } from './encode';
export { goJsonDecode } from './decode';
export { registerJsonModule } from './json-module';
export { rolloutSummary, rolloutSteps, stepProgressText, rolloutRouting, customNetworkRefs, type StepState, type RolloutStepView, type RolloutSummary, type RoutingSummary, type RolloutCondition, type GatewayRefKey, type HeaderPair } from './rollout-status';
export { matchViews, matchText, matchesText, conditionText, type MatchView, type MatchCondition, type MatchField } from './match-text';
export { storedOriginal, originalAnnotationValue, kruiseWrite, needsUpdate, finaliseObject, liveRoutingState, withStoredOriginal, hasOriginalAnnotation, objectLabel, type StoredOriginal, type LiveRoutingState } from './gateway-write';
export { gatewayLints, type GatewayLint, type GatewayLintContext } from './gateway-lint';
export { progressingSentence } from './progressing-text';
export { refKey, rolloutRouteInputs, stepPredictions, planFromPredictions, restorePlan, noRefsError, guessResource, progressingConflict, type RefInput, type StepPrediction, type PlannedChange, type PlanResult } from './rollout-plan';
export { parseOriginalAnnotation } from './data';
