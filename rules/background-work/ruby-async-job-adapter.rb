Rails.application.configure do
  config.active_job.queue_adapter = :async
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/ruby-async-job-adapter
  config.active_job.queue_adapter = :sidekiq
  # ok: a queue with its own workers
end
