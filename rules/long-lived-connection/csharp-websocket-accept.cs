app.Map("/ws", async context =>
{
    if (context.WebSockets.IsWebSocketRequest)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
//                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/csharp-websocket-accept
        await Echo(socket);
    }
    // ok: checking is not accepting
    var wanted = context.WebSockets.IsWebSocketRequest;
});
