class SearchController < ApplicationController
  RESULTS = {}

  def run
    RESULTS[params[:q]] ||= Article.where('title LIKE ?', "%#{params[:q]}%").to_a
  end
end
