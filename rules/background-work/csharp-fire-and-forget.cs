public class OrdersController : ControllerBase
{
    public async Task<IActionResult> Create(Order order)
    {
        _ = Task.Run(() => _mailer.SendConfirmationAsync(order));
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-fire-and-forget
        Task.Factory.StartNew(() => Reindex(order.Id));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-fire-and-forget
        new Thread(() => Audit(order)).Start();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-fire-and-forget
        ThreadPool.QueueUserWorkItem(_ => Audit(order));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-fire-and-forget
        // ok: awaited
        await Task.Run(() => Resize(order));
        var job = Task.Run(() => Resize(order));
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-fire-and-forget
        _jobs.Add(order.Id, job);
        return Ok();
    }

    // ok: returned to a caller that awaits it
    public Task Later(Order order) => Task.Run(() => Resize(order));
}
