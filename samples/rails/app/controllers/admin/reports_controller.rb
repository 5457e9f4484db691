class Admin::ReportsController < ApplicationController
  def show
    conn = PG.connect(dbname: 'reports')
    @rows = conn.exec('SELECT * FROM daily_totals')
    sleep 2
  end
end
