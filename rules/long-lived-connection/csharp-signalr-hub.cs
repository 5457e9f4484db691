using Microsoft.AspNetCore.SignalR;

public class ChatHub : Hub
//                     ^^^ long-lived-connection/csharp-signalr-hub
{
    public Task Send(string user, string message) => Clients.All.SendAsync("message", user, message);
}

public class StockHub : Hub<IStockClient>
//                      ^^^^^^^^^^^^^^^^^ long-lived-connection/csharp-signalr-hub
{
}

// ok: a hub of another kind
public class MessageHub : EventHubBase
{
}
