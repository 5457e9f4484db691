class Note
  include Mongoid::Document

  belongs_to :customer

  # Runs when a note is destroyed: in a background job for a customer's
  # notes (`dependent: :destroy_async`), never in a request.
  before_destroy do
    File.open('log/notes.log', 'a') { |f| f.puts(id) }
  end
end
