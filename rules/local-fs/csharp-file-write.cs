public class UploadsController : ControllerBase
{
    private const string Root = "/var/app/uploads";

    public async Task<IActionResult> Upload(IFormFile file)
    {
        var path = Path.Combine(Root, file.FileName);
        using (var stream = new FileStream(path, FileMode.Create))
//                          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-file-write
        {
            await file.CopyToAsync(stream);
        }
        await System.IO.File.WriteAllTextAsync(path + ".txt", file.ContentType);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-file-write
        await File.AppendAllTextAsync("audit.log", path);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-file-write
        Directory.Delete(Root + "/tmp", recursive: true);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-file-write
        // ok: an empty folder stores nothing (the writes into it are reported)
        Directory.CreateDirectory(Root);
        using var writer = new StreamWriter(path + ".meta");
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-file-write
        // ok: reads
        var text = File.ReadAllText(path);
        using var read = new FileStream(path, FileMode.Open, FileAccess.Read);
        // ok: a writer over a stream, not a path
        using var memory = new MemoryStream();
        using var buffer = new StreamWriter(memory);
        return Ok(text);
    }
}
