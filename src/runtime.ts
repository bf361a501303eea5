// What the running Node can do, where how diplo loads depends on it.

/**
 * Whether `require` can load an ES module (Node 20.19 and later). franc is one: without this, it
 * can only be imported, which takes a promise (src/lang/detect.ts), and the bundle, which then
 * imports it, cannot be compiled by node:vm with its code cache (src/cli/bundle-loader.ts).
 */
export const REQUIRE_MODULE = (process.features as { require_module?: boolean }).require_module === true;
