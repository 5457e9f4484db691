class CommentsController < ApplicationController
  def index
    @comments = Comment.where(article_id: params[:article_id])
  end

  def create
    Comment.create!(article_id: params[:article_id], body: params[:body])
  end
end
