class JobWaiter
  def wait(job_id)
    socket = Switchboard.connection
    socket.puts "subscribe.job_progress.#{job_id}"
    while (response = socket.gets)
    #^ long-running/ruby-socket-read-loop
      break if JSON.parse(response)['status'] == 'complete'
    end
    while line = @client.readline
    #^ long-running/ruby-socket-read-loop
      puts line
    end
    while (line = file.gets)
      # ok: a file read line by line
      puts line
    end
    while (count = socket_count)
      # ok: no read on a socket
      count -= 1
    end
  end
end
