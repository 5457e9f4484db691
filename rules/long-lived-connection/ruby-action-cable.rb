module ApplicationCable
  class Connection < ActionCable::Connection::Base
    identified_by :current_user

    def connect
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-action-cable
      self.current_user = find_verified_user
    end

    def disconnect
      # ok: not where the websocket is accepted
    end
  end
end

class EmptyConnection < ActionCable::Connection::Base
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-action-cable
end

class ChatChannel < ApplicationCable::Channel
  # ok: a channel is served through the connection; broadcasting to it is a publish
  def subscribed
    stream_from 'chat'
  end
end

class ApplicationRecordChannel < ApplicationRecord
  # ok: a model, not a channel
  def connect
  end
end

Rails.application.routes.draw do
  mount ActionCable.server => '/cable'
  # ok: the mount is the `WS /cable` route, whose handler is the connection
end
