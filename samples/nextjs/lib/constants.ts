export const ORDER_STATUS = Object.freeze({
  DRAFT: 'draft',
  SUBMITTED: 'submitted',
  FULFILLED: 'fulfilled',
});

export const STATUS = { OK: 'ok' };

export const PAGE_SIZE = 25;
