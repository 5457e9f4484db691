class ProfilesController < ApplicationController
  def show
    @profile = current_profile
  end

  def update
    current_profile.update!(params.require(:profile).permit(:name))
  end

  private

  def current_profile
    Profile.find_by(user_id: session[:user_id])
  end
end
