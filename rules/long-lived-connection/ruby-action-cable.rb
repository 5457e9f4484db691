class ChatChannel < ApplicationCable::Channel
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-action-cable
  def subscribed
    stream_from 'chat'
  end
end

class ApplicationRecordChannel < ApplicationRecord
  # ok: a model, not a channel
end

Rails.application.routes.draw do
  mount ActionCable.server => '/cable'
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-action-cable
  mount Sidekiq::Web => '/sidekiq'
  # ok: a Rack app served per request
end
