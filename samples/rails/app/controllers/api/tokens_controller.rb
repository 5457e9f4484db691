module Api
  class TokensController < ApplicationController
    skip_before_action :authenticate_user!

    def create
      Thread.new { TokenAudit.record(params[:client_id]) }
      render json: { token: SecureRandom.hex(20) }
    end
  end
end
