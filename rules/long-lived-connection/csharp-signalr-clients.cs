static async Task<IResult> UpsertItem(int id, IHubContext<ChatHub> hub)
{
    await hub.Clients.All.SendAsync("stockChanged", id);
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/csharp-signalr-clients
    return Results.Ok();
}

public class Notifier
{
    private readonly IHubContext<OrdersHub, IOrdersClient> _hub;

    public Task Shipped(string user, int id) => _hub.Clients.User(user).OrderShipped(id);
//                                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/csharp-signalr-clients
}

public class ChatHub : Hub
{
    // ok: inside the hub, part of the hub itself
    public Task Send(string message) => Clients.All.SendAsync("message", message);
}

public class Mailer
{
    // ok: an e-mail API's clients
    public Task Send(Api api) => api.Client.SendAsync();
}
