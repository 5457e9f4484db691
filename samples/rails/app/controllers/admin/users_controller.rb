module Admin
  class UsersController < ApplicationController
    before_action :require_admin

    def index
      @users = User.all
    end

    def show
      @user = User.find(params[:id])
    end

    def create
      User.create!(params.require(:user).permit(:email))
    end

    def update
      User.find(params[:id]).update!(params.require(:user).permit(:email))
    end

    private

    def require_admin
      head :forbidden unless session[:admin]
    end
  end
end
