using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Shop.Data;
using Shop.Models;

namespace Shop.Pages.Products;

public class IndexModel : PageModel
{
    private const string CatalogKey = "catalog";

    private readonly ShopDbContext _db;
    private readonly IMemoryCache _cache;

    public IndexModel(ShopDbContext db, IMemoryCache cache)
    {
        _db = db;
        _cache = cache;
    }

    public IReadOnlyList<Product> Products { get; private set; } = Array.Empty<Product>();

    [BindProperty]
    public Product NewProduct { get; set; } = new();

    public void OnGet()
    {
        Products = _cache.GetOrCreate(CatalogKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return _db.Products.AsNoTracking().OrderBy(p => p.Name).ToList();
        })!;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            OnGet();
            return Page();
        }
        _db.Products.Add(NewProduct);
        await _db.SaveChangesAsync();
        _cache.Remove(CatalogKey);
        return RedirectToPage();
    }
}
