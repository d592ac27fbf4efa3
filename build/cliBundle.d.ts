// Types for build/cliBundle.js (plain JavaScript, run by Node before any build exists).
export function asciiOnly(code: string, file: string): string;
export function buildCli(): Promise<string>;
export function ensureCliBundle(log?: (text: string) => void): Promise<string | null>;
export function precompiledValidatorsModule(file: string): Promise<string>;
