type Context<T> = { data: T };

function groupOnlineMembersWrapper(load: (id: string) => Promise<string[]>) {
  const cache: Record<string, { key?: string; value: string[] }> = {};
  return async function getGroupOnlineMembers(ctx: Context<{ groupId: string; cache?: string }>) {
    const { groupId, cache: cacheKey } = ctx.data;
    if (cache[groupId] && cache[groupId].key === cacheKey) {
      return { cache: cacheKey };
    }
    cache[groupId] = { key: cacheKey, value: await load(groupId) };
    //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/js-closure-cache
    return { cache: cacheKey };
  };
}

function shadowedWrapper() {
  const cache: Record<string, number> = {};
  return (cache: Record<string, number>, key: string) => {
    // ok: the parameter, not the factory's cache
    cache[key] = 1;
  };
}

export const getGroupOnlineMembers = groupOnlineMembersWrapper(async () => []);
export const shadowed = shadowedWrapper();
