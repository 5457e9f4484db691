class CommentsChannel < ApplicationCable::Channel
  def subscribed
    stream_from "comments_#{params[:article_id]}"
  end
end
