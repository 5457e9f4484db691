export const runtime = 'nodejs';

export async function GET(): Promise<Response> {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('data: hello\n\n'));
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
    //         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/js-server-sent-events
  });
}

export async function POST(): Promise<Response> {
  // ok: a streamed download is not an event stream
  const stream = new ReadableStream({ start(c) { c.close(); } });
  return new Response(stream, { headers: { 'Content-Type': 'text/csv' } });
}
