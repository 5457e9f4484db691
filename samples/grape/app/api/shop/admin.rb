require_relative 'audit'

module Shop
  class Admin < Grape::API
    # A header version adds no path segment.
    version 'v1', using: :header, vendor: 'shop'

    helpers Shop::Audit

    get :ping do
      { ok: true }
    end

    namespace :reports do
      # Runs before every route of the namespace, not before `ping`.
      before do
        audit! 'reports'
      end

      get :daily do
        # A local named like a class variable's counter is no shared state.
        orders_seen = Order.where(day: Date.today).count
        { orders: orders_seen }
      end
    end
  end
end
