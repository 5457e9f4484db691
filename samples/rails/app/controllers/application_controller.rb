class ApplicationController < ActionController::Base
  before_action :authenticate_user!
  around_action :track_time

  private

  def authenticate_user!
    redirect_to '/login' unless session[:user_id]
  end

  def track_time
    yield
  end
end
