require_relative 'orders'
require_relative 'admin'

module Shop
  class Root < Grape::API
    prefix 'api'
    version 'v1', using: :path
    format :json

    get :status do
      { ok: true }
    end

    mount Shop::Orders
    mount Shop::Admin => '/admin'
  end
end
