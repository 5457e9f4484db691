class ReportsController < ApplicationController
  def show
    sleep 2
    #^^^^^^ long-running/ruby-sleep-subprocess
    out = `uptime`
    #     ^^^^^^^^ long-running/ruby-sleep-subprocess
    system('convert', 'a.png', 'b.jpg')
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/ruby-sleep-subprocess
    stdout, _status = Open3.capture2('git', 'log')
    #                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/ruby-sleep-subprocess
    reader, _writer, _pid = PTY.spawn('bash')
    #                       ^^^^^^^^^^^^^^^^^ long-running/ruby-sleep-subprocess
    shell = IO.popen('bash', mode: 'a+')
    #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/ruby-sleep-subprocess
    PTY.check(pid)
    # ok: a status check, no subprocess started
    Rails.logger.info(out)
    # ok: a method named like nothing above
    job.sleep_until(tomorrow)
    # ok: a method of another object
  end
end
