var builder = WebApplication.CreateBuilder(args);

// ok: a credential alone reads no configuration
var credential = new ChainedTokenCredential(new AzureDeveloperCliCredential(), new DefaultAzureCredential());
builder.Configuration.AddAzureKeyVault(new Uri(vaultUri), credential);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/csharp-cloud-configuration
builder.Configuration.AddSystemsManager("/shop");
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/csharp-cloud-configuration

// ok: environment variables and files
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddJsonFile("appsettings.json");
