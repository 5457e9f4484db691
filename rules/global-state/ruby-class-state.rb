class SearchController < ApplicationController
  RESULTS = {}
  LIMITS = { free: 10, pro: 100 }.freeze
  @@count = 0

  def run
    RESULTS[params[:q]] ||= Article.where(title: params[:q]).to_a
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/ruby-class-state
    @@count += 1
    #^^^^^^^^^^ global-state/ruby-class-state
    limit = LIMITS[:free]
    # ok: reads a frozen constant
    @results = RESULTS[params[:q]]
    # ok: an instance variable of this request's controller
    results = {}
    results[:a] = 1
    # ok: a local hash
  end
end

class NoteStore
  @notes = {}

  def self.create(id, attrs)
    @notes[id] = attrs
    #^^^^^^^^^^^^^^^^^ global-state/ruby-class-state
  end
end

class NotesController < ApplicationController
  def create
    @errors = []
    @errors << 'title missing' if params[:title].blank?
    # ok: an instance variable of this request's controller
  end
end
