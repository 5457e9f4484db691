class ApplicationController < ActionController::Base
  before_action :authenticate_user!
  around_action :track_time
  before_action :dump_request, if: -> { Rails.env.development? }

  private

  def authenticate_user!
    redirect_to '/login' unless session[:user_id]
  end

  def track_time
    yield
  end

  def dump_request
    File.write(Rails.root.join('tmp', 'last_request.txt'), request.inspect)
  end
end
