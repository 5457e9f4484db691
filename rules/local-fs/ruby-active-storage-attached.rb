class User < ApplicationRecord
  has_one_attached :avatar
# ^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-active-storage-attached
  has_many_attached :documents, dependent: :purge_later
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-active-storage-attached
  # ok: an association, not an attachment
  has_one :profile
  # ok: a call on another object
  record.has_one_attached :avatar
end

class ApplicationMailbox < ActionMailbox::Base
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-active-storage-attached
  routing all: :replies
end

class RepliesMailer < ActionMailer::Base
  # ok: sends mail, stores nothing
end
