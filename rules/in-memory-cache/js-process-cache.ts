import { LRUCache } from 'lru-cache';

export const sessions = new LRUCache<string, string>({ max: 100 });

export function remember(id: string, user: string): void {
  sessions.set(id, user);
//^^^^^^^^^^^^ in-memory-cache/js-process-cache
}
