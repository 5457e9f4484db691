public class EventsController : Controller
{
    // ok: a constant at class level is no response
    private const string Json = "application/json";

    public async Task Stream(CancellationToken ct)
    {
        Response.ContentType = "text/event-stream";
//                             ^^^^^^^^^^^^^^^^^^^ long-lived-connection/csharp-server-sent-events
        await Response.WriteAsync("data: hello\n\n", ct);
    }
}

app.MapGet("/ticks", (CancellationToken ct) => TypedResults.ServerSentEvents(Ticks(ct)));
//                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/csharp-server-sent-events
