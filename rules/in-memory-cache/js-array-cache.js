const imageCache = [];
const IMAGE_CACHE_LIMIT = 20;
const pending = [];

async function cacheImage(url) {
  if (imageCache.find((entry) => entry.url === url)) return;
  imageCache.push({ url, file: await download(url) });
//^^^^^^^^^^^^^^^ in-memory-cache/js-array-cache
  while (imageCache.length > IMAGE_CACHE_LIMIT) {
    imageCache.shift();
  //^^^^^^^^^^^^^^^^ in-memory-cache/js-array-cache
  }
  // ok: an array not named as a cache (global-state/js-module-mutation)
  pending.push(url);
  // ok: a local array
  const localCache = [];
  localCache.push(url);
}
