var builder = WebApplication.CreateBuilder(args);

builder.Services.AddDbContext<ShopDbContext>(options => options.UseSqlite("Data Source=shop.db"));
//                                                                        ^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-sqlite-file-db
var defaultConnection = "Filename=realworld.db";
//                      ^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-sqlite-file-db
builder.Services.AddDbContext<ConduitContext>(o => o.UseSqlite(defaultConnection));
builder.Services.AddDbContext<AuditDbContext>(o => o.UseSqlite($"Data Source={dbPath}"));
//                                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-sqlite-file-db

// ok: an in-memory database
builder.Services.AddDbContext<TestDbContext>(o => o.UseSqlite("Data Source=:memory:"));
// ok: the connection string comes from configuration
builder.Services.AddDbContext<CatalogContext>(o => o.UseSqlite(builder.Configuration.GetConnectionString("Catalog")));
// ok: a network database
builder.Services.AddDbContext<OrdersContext>(o => o.UseSqlServer("Server=db;Database=orders"));
var legacy = "Data Source=sql01;Initial Catalog=Orders;Integrated Security=true";

static SqliteConnection Open() => new SqliteConnection("Data Source=cache.db");
//                                                     ^^^^^^^^^^^^^^^^^^^^^^ local-fs/csharp-sqlite-file-db
