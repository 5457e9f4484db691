module Shop
  class Orders < Grape::API
    @@orders_seen = 0

    helpers do
      def count_order
        @@orders_seen += 1
      end
    end

    resource :orders do
      get do
        Order.all
      end

      post do
        count_order
        Order.create!(params[:order])
      end

      route_param :id do
        get do
          Order.find(params[:id])
        end

        delete '/customer' do
          customer = Customer.find(params[:id])
          customer.destroy
        end

        post :receipt do
          order = Order.find(params[:id])
          Thread.new { ReceiptMailer.deliver(order) }
          { queued: true }
        end
      end
    end
  end
end
