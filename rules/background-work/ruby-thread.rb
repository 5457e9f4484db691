class TokensController < ApplicationController
  def create
    Thread.new { TokenAudit.record(params[:client_id]) }
    #^^^^^^^^^ background-work/ruby-thread
    TokenAuditJob.perform_later(params[:client_id])
    # ok: a job on the queue adapter
    Thread.current[:request_id] = request.uuid
    # ok: a per-thread value, no new thread
  end
end
