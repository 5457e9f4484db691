public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var jsonFilePath = Path.Combine(Configuration["currentPath"], "datastore.json");
        services.AddSingleton<IDataStore>(new DataStore(jsonFilePath, keyProperty: "id"));
//                                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-embedded-file-db
        services.AddSingleton(_ => new LiteDatabase("Filename=app.db;Connection=shared"));
//                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-embedded-file-db
        // ok: a settings object of the app
        services.AddSingleton(new DataStoreSettings());
    }
}
