// DeepFlow tagging host: the public API the worker runner, the CLI and the UI consume.
export { tagPods, type TagInput, type TagOutput, type PodTag } from './tag';
export { podMetadataJson, trimPodMetadata, type DeepflowRelease } from './metadata-json';
export {
  mergeApiResources, resolveApiResources, DEFAULT_API_RESOURCES, API_RESOURCE_GROUP_VERSIONS,
  type ApiResourceEntry, type MergedApiResource, type GroupVersion,
} from './api-resources';
export { buildWorkloadIndex, classifyStandard, replicaSetControllerName, SUPPORTED_OWNER_KINDS, type StandardResult, type WorkloadIndex } from './standard';
export { validatePluginResult, lookupPluginType, abstractGroupIdentity, ALLOWED_PLUGIN_TYPES, type PodGroupType, type ValidationResult } from './validate';
export { virtualKubeletRule } from './virtual-kubelet';
export { uuidV5, UUID_NAMESPACE_OID } from './uuid';
export { PluginChain, type ChainResult } from './chain';
export { installDkjson, DKJSON_NUMBER_MODE, DKJSON_NUMBER_NOTE, DKJSON_VERSION, DKJSON_PATH } from './dkjson';
