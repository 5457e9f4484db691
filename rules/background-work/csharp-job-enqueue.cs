public class SignupController : Controller
{
    private readonly IBackgroundJobClient _jobs;

    public IActionResult Register(User user)
    {
        BackgroundJob.Enqueue<Mailer>(m => m.SendWelcome(user.Id));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-job-enqueue
        _jobs.Schedule(() => Remind(user.Id), TimeSpan.FromDays(1));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-job-enqueue
        // ok: a message queue, not an in-process job
        _queue.Enqueue(user.Id);
        return Ok();
    }
}
