import { setTimeout as delay } from 'node:timers/promises';

export async function backoff(attempt: number): Promise<void> {
  await new Promise<void>((resolve) => setTimeout(resolve, 2 ** attempt * 100));
  //    ^^^^^^^^^^^^^^^^^ long-running/js-sleep
  await delay(50);
//^^^^^^^^^^^^^^^ long-running/js-sleep
}
