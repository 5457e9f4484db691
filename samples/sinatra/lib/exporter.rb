require 'open3'

class Exporter
  def initialize(notes)
    @notes = notes
  end

  def run
    out, _status = Open3.capture2('pandoc', '-f', 'markdown', stdin_data: @notes.map { |n| n['body'] }.join("\n"))
    out
  end
end
