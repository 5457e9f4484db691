import { Injectable } from '@nestjs/common';

const recentSignups: Array<{ id: string; at: Date }> = [];
const hits = new Map<string, { count: number; resetAt: number }>();
export const SUPPORTED_LOCALES = ['en', 'de'] as const;
const ROLES = Object.freeze({ ADMIN: 'admin' });

export function rateLimit(key: string): boolean {
  const entry = hits.get(key);
  if (!entry) {
    hits.set(key, { count: 1, resetAt: Date.now() + 60_000 });
  //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
    return false;
  }
  // ok: a property of a local object taken from the Map
  entry.count += 1;
  return entry.count > 30;
}

@Injectable()
export class UsersService {
  private readonly audit: string[] = [];

  create(id: string) {
    recentSignups.push({ id, at: new Date() });
  //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/js-module-mutation
    // ok: an instance field of a singleton provider, and read-only constants
    this.audit.push(id);
    return SUPPORTED_LOCALES.includes('en') && ROLES.ADMIN;
  }
}
