public class CartController : Controller
{
    private readonly Dictionary<string, string> _values = new();

    public IActionResult Add(int id)
    {
        HttpContext.Session.SetString("cart", id.ToString());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/csharp-session-used
        var last = HttpContext.Session.GetInt32("count");
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/csharp-session-used
        // ok: a dictionary of this controller
        _values.Remove("cart");
        // ok: a database session
        _db.Session.Flush();
        return Ok();
    }

    public async Task<IActionResult> Logout()
    {
        HttpContext.Session.Clear();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/csharp-session-used
        await context.Session.LoadAsync();
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/csharp-session-used
        return Ok();
    }
}
