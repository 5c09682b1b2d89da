/**
 * Memoises a pure function of one string: a proposal check runs many detectors over the same
 * few texts, and each asks for the same quantities, years and shingles. The cache is small and
 * forgets the oldest entry, so a long-running bot never grows it.
 */
export function memoByText<T>(fn: (text: string) => T, size = 128): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    cache.set(text, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
