export declare const CHROMIUM: string;
export declare const ARGUMENTOS_CHROMIUM: string[];
