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

  post '/backup' do
    archive = backup_file
    { file: archive }.to_json
  end

  get '/backup/latest' do
    backup_file = Dir.glob(File.join(settings.root, 'backups', '*.json')).max
    { file: backup_file }.to_json
  end

  helpers do
    def backup_file
      path = File.join(settings.root, 'backups', "#{Time.now.to_i}.json")
      File.write(path, NoteStore.all.to_json)
      path
    end
  end
end
