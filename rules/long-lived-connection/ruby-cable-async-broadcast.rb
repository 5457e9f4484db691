class MessagesController < ApplicationController
  def create
    message = room.messages.create!(message_params)
    ActionCable.server.broadcast("room_#{room.id}", message.as_json)
  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-cable-async-broadcast
    ChatChannel.broadcast_to(room, message.as_json)
  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-cable-async-broadcast
    Turbo::StreamsChannel.broadcast_replace_to(room, target: message)
  # ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-cable-async-broadcast
    # ok: a job that broadcasts later, from the worker
    Turbo::StreamsChannel.broadcast_replace_later_to(room, target: message)
    # ok: names a stream, sends nothing
    ChatChannel.stream_name_for(room)
    # ok: not Action Cable
    Notifier.broadcast(message)
  end
end
