// Loads the TypeScript module of a new thread, whatever loader the parent process has (tsx, Vitest,
// none): directly when TypeScript imports work, after registering tsx in this thread when they do not.
// Plain JavaScript, so that a thread can load it before any loader is in place.

/** @param {string} url absolute file URL of the module */
export async function importTypeScript(url) {
  try {
    return await import(url);
  } catch (error) {
    if (error?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw error;
    const { register } = await import("tsx/esm/api");
    register();
    // A new specifier: Node remembers the failed load of the first one.
    return await import(`${url}?tsx`);
  }
}
