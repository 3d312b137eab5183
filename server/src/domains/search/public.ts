/** What other domains may use of search: register a provider, built with the shared match and window. */
export { matches, newestMatches, rows, snippet } from './search-kit.js';
export { registerSearchProvider, type SearchProvider } from './search-registry.js';
