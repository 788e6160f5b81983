export declare function isLoopbackHostname(hostname: string): boolean;
