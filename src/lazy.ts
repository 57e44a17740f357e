/**
 * A package loaded the first time it is used instead of at start-up. IMAP, MIME, HTML,
 * templates and schemas together took about 440 ms of every command's start, --help included;
 * an idle tick needs almost none of them. Only for code that must stay synchronous: async
 * code uses `await import(...)`.
 */
export function lazy<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}
