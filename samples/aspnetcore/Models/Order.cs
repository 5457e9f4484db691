namespace Shop.Models;

public class Order
{
    public int Id { get; set; }

    public string CustomerEmail { get; set; } = "";

    public decimal Total { get; set; }

    public string Status { get; set; } = "New";

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
