using System.ComponentModel.DataAnnotations;

namespace Shop.Models;

public class Product
{
    public int Id { get; set; }

    [Required]
    [StringLength(120)]
    public string Name { get; set; } = "";

    [Range(0, 100000)]
    public decimal Price { get; set; }

    public int Stock { get; set; }
}
