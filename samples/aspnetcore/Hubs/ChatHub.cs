using Microsoft.AspNetCore.SignalR;

namespace Shop.Hubs;

public class ChatHub : Hub
{
    public async Task SendMessage(string user, string message)
    {
        await Clients.All.SendAsync("ReceiveMessage", user, message);
    }

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, "shoppers");
        await base.OnConnectedAsync();
    }
}
