export const ROLES = Object.freeze({
  ADMIN: 'admin',
  EDITOR: 'editor',
  VIEWER: 'viewer',
});

export type Role = (typeof ROLES)[keyof typeof ROLES];

export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'nl'] as const;

export const DEFAULT_CURRENCY = 'EUR';
