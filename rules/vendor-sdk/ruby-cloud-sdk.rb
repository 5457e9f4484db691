class InvoicesController < ApplicationController
  def show
    s3 = Aws::S3::Client.new
    #    ^^^^^^^^^^^^^^^^^^^ vendor-sdk/ruby-cloud-sdk
    storage = Google::Cloud::Storage.new
    #         ^^^^^^^^^^^^^^^^^^^^^^^^^^ vendor-sdk/ruby-cloud-sdk
    Invoice::Pdf.new(params[:id])
    # ok: the app's own class
  end
end
