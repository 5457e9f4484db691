module Shop
  class Admin < Grape::API
    # A header version adds no path segment.
    version 'v1', using: :header, vendor: 'shop'

    namespace :reports do
      get :daily do
        # A local named like a class variable's counter is no shared state.
        orders_seen = Order.where(day: Date.today).count
        { orders: orders_seen }
      end
    end
  end
end
