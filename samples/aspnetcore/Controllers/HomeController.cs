using Microsoft.AspNetCore.Mvc;
using Shop.Services;

namespace Shop.Controllers;

public class HomeController : Controller
{
    private static readonly string[] Team = { "Ana", "Bo", "Chen" };

    private readonly VisitCounter _visits;

    public HomeController(VisitCounter visits)
    {
        _visits = visits;
    }

    public IActionResult Index()
    {
        ViewData["Visits"] = _visits.Record();
        ViewData["LastOrderId"] = HttpContext.Session.GetString("lastOrderId");
        return View();
    }

    [HttpGet]
    public IActionResult About()
    {
        ViewData["Team"] = Team;
        ViewData["Greeting"] = Greeting(DateTime.Now.Hour);
        return View();
    }

    [NonAction]
    public string Greeting(int hour) => hour < 12 ? "Good morning" : "Good afternoon";
}
