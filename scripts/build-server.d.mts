/** Types of scripts/build-server.mjs, which is plain JavaScript so that npm start needs no TypeScript loader. */
export declare const SERVER_BUNDLE: string;
export declare function buildServer(): Promise<void>;
