require 'sinatra/base'
require 'json'
require_relative 'lib/note_store'
require_relative 'lib/exporter'

class NotesApp < Sinatra::Base
  enable :sessions

  VIEWS = { 'notes' => 0 }

  get '/' do
    'notes'
  end

  get '/notes' do
    VIEWS['notes'] += 1
    NoteStore.all.to_json
  end

  post '/notes' do
    note = NoteStore.create(JSON.parse(request.body.read))
    session[:last_note] = note[:id]
    note.to_json
  end

  get '/notes/:id' do
    NoteStore.find(params[:id]).to_json
  end

  delete '/notes/:id' do
    NoteStore.delete(params[:id])
    204
  end

  post '/export' do
    Exporter.new(NoteStore.all).run
  end
end
