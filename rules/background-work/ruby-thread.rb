class TokensController < ApplicationController
  def create
    Thread.new { TokenAudit.record(params[:client_id]) }
    #^^^^^^^^^ background-work/ruby-thread
    TokenAuditJob.perform_later(params[:client_id])
    # ok: a job on the queue adapter
    Process.detach(pid)
    #^^^^^^^^^^^^^^^^^^ background-work/ruby-thread
    Process.wait(pid)
    # ok: waits for the subprocess, nothing left behind
    Thread.current[:request_id] = request.uuid
    # ok: a per-thread value, no new thread
  end
end
