class NoteStore
  @notes = {}

  def self.all
    @notes.values
  end

  def self.find(id)
    @notes[id]
  end

  def self.create(attrs)
    id = (@notes.size + 1).to_s
    @notes[id] = attrs.merge(id: id)
  end

  def self.delete(id)
    @notes.delete(id)
  end
end
