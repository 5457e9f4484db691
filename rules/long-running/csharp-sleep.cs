public class SyncController : ControllerBase
{
    private const int PauseMs = 1500;

    public async Task<IActionResult> Sync(int id)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Thread.Sleep(TimeSpan.FromSeconds(2 * attempt));
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/csharp-sleep
        }
        await Task.Delay(5000);
//            ^^^^^^^^^^^^^^^^ long-running/csharp-sleep
        while (!await Ready(id))
        {
            await Task.Delay(1500);
//                ^^^^^^^^^^^^^^^^ long-running/csharp-sleep
        }
        // ok: a sub-second back-off
        await Task.Delay(200);
        // ok: one bounded pause of under two seconds, in no loop
        await Task.Delay(1000);
        Thread.Sleep(PauseMs);
        Thread.Sleep(0);
        return Ok();
    }
}
