class Order
  include Mongoid::Document

  field :total, type: Integer

  # Runs when an order is created (`Order.create!`): the invoice folder on
  # the local disk.
  after_create :write_invoice

  # Runs when an order is destroyed; nothing routes to a destroy.
  before_destroy do
    FileUtils.rm_rf("invoices/#{id}")
  end

  def write_invoice
    FileUtils.mkdir_p("invoices/#{id}")
  end
end
