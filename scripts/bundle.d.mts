/** Bundles an entry point of the project into one ES module for Node 20; returns the bundle's path. */
export function bundle(options?: { entry?: string; outdir?: string; name?: string }): Promise<string>;
