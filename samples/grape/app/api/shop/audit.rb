module Shop
  # Helpers an API mixes in with `helpers Shop::Audit`.
  module Audit
    def audit!(what)
      File.open('log/audit.log', 'a') { |f| f.puts(what) }
    end
  end
end
