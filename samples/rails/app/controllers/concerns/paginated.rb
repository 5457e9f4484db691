module Paginated
  def paginate(scope)
    scope.limit(25).offset(params[:page].to_i * 25)
  end
end
