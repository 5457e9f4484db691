var builder = WebApplication.CreateBuilder(args);
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/csharp-dotnet-runtime
var app = builder.Build();
// ok: building the app is the same start
app.Run();

public class Program
{
    public static IHostBuilder CreateHostBuilder(string[] args) =>
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/csharp-dotnet-runtime
}

// ok: a generic host's other builders
var host = Host.CreateApplicationBuilder(args);
