var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHangfire(c => c.UseSqlServerStorage(connectionString));
builder.Services.AddHangfireServer();
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-job-server
builder.Services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-job-server
RecurringJob.AddOrUpdate<ReportJob>("daily", j => j.Run(), Cron.Daily);
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/csharp-job-server

// ok: the Hangfire client only (jobs run in a worker elsewhere)
builder.Services.AddHangfire(c => c.UseRedisStorage(redis));
// ok: the dashboard
app.UseHangfireDashboard();
