class Customer
  include Mongoid::Document

  field :name, type: String

  # Destroying a customer destroys each order (each order's `before_destroy`
  # runs in the request); its notes go in a background job.
  has_many :orders, dependent: :destroy
  has_many :notes, dependent: :destroy_async
end
