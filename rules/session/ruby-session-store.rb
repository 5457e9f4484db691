Rails.application.configure do
  config.session_store :cache_store, key: '_app_session'
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/ruby-session-store
end

Rails.application.config.session_store :active_record_store
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/ruby-session-store

Rails.application.config.session_store :cookie_store, key: '_app_session'
# ok: the default, the session travels in the signed cookie
