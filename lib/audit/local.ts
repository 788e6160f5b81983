// Targets that are not Kubernetes objects (the file plugin store) carry this apiVersion: no Event.
export const LOCAL_API_VERSION = 'kube-lua-studio/v1';
