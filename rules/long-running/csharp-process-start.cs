public class VideoController : ControllerBase
{
    public IActionResult Convert(string input)
    {
        Process.Start("ffmpeg", $"-i {input} out.mp4")!.WaitForExit();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/csharp-process-start
        var info = new ProcessStartInfo("wkhtmltopdf") { RedirectStandardOutput = true };
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/csharp-process-start
        // ok: the current process, not a new one
        var me = Process.GetCurrentProcess();
        return Ok();
    }
}
