// DeepFlow tagging host: the public API the worker runner, the CLI and the UI consume.
export { tagPods, regroupAbstract, type TagInput, type TagOutput, type PodTag, type UnsyncReason, type UnsyncCode } from './tag';
export { unsyncReason, reasonWords } from './reason';
export { detectPlatform, remediationFor, PLATFORM_LABELS, type PlatformId, type Remediation } from './platforms';
export { podMetadataJson, trimPodMetadata, type DeepflowRelease } from './metadata-json';
export {
  mergeApiResources, resolveApiResources, DEFAULT_API_RESOURCES, API_RESOURCE_GROUP_VERSIONS,
  type ApiResourceEntry, type MergedApiResource, type GroupVersion, type MergeResult,
} from './api-resources';
export { parseAgentConfig, type AgentConfigResult } from './agent-config';
export { pluginTemplateFor, type PluginTemplate } from './plugin-templates';
export { buildWorkloadIndex, classifyStandard, replicaSetControllerName, SUPPORTED_OWNER_KINDS, type StandardResult, type WorkloadIndex } from './standard';
export { validatePluginResult, lookupPluginType, abstractGroupIdentity, ALLOWED_PLUGIN_TYPES, type PodGroupType, type ValidationResult } from './validate';
export { virtualKubeletRule, type VirtualKubeletOptions } from './virtual-kubelet';
export { uuidV5, UUID_NAMESPACE_OID } from './uuid';
export { PluginChain, pluginLoadFailures, type ChainResult, type PluginRef, type PluginLoadFailure } from './chain';
export { installDkjson, DKJSON_NUMBER_MODE, DKJSON_NUMBER_NOTE, DKJSON_VERSION, DKJSON_PATH } from './dkjson';
