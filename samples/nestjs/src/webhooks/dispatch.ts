export type EventHandler = (payload: Record<string, string>) => Promise<unknown>;

// Runs the handler a table keeps under the event's name.
export async function dispatchEvent(table: Record<string, EventHandler>, event: string, payload: Record<string, string>) {
  const handle = table[event];
  if (!handle) {
    return { ignored: event };
  }
  return handle(payload);
}
