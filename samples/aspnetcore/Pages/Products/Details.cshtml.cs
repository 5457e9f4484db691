using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shop.Data;
using Shop.Models;

namespace Shop.Pages.Products;

public class DetailsModel : PageModel
{
    private readonly ShopDbContext _db;

    public DetailsModel(ShopDbContext db)
    {
        _db = db;
    }

    public Product? Product { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Product = await _db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        return Product is null ? NotFound() : Page();
    }
}
