class InvoicesController < ApplicationController
  def index
    @invoices = Invoice.all
  end

  def show
    s3 = Aws::S3::Client.new
    @pdf = s3.get_object(bucket: 'invoices', key: params[:id])
  end
end
