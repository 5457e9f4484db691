public class SyncController : ControllerBase
{
    public async Task<IActionResult> Sync(int id)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Thread.Sleep(TimeSpan.FromSeconds(2 * attempt));
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/csharp-sleep
        }
        await Task.Delay(5000);
//            ^^^^^^^^^^^^^^^^ long-running/csharp-sleep
        // ok: a sub-second back-off
        await Task.Delay(200);
        Thread.Sleep(0);
        return Ok();
    }
}
