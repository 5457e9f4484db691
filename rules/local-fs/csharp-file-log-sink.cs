Log.Logger = new LoggerConfiguration()
    .WriteTo.Console()
    .WriteTo.File("logs/app.log", rollingInterval: RollingInterval.Day)
//   ^^^^^^^ local-fs/csharp-file-log-sink
    .CreateLogger();

builder.Logging.AddFile("logs/app-{Date}.txt");
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-file-log-sink
var target = new FileTarget("file") { FileName = "app.log" };
//           ^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-file-log-sink

// ok: console and debug sinks
builder.Logging.AddConsole();
Log.Logger = new LoggerConfiguration().WriteTo.Debug().CreateLogger();
// ok: the app's own AddFile taking no path
services.AddFile(options);
