class ArticlesController < ApplicationController
  include Paginated

  before_action :set_article, only: [:show, :edit, :update, :destroy, :publish]

  def index
    @articles = paginate(Article.all)
  end

  def show; end

  def new
    @article = Article.new
  end

  def create
    @article = Article.create!(article_params)
    Publisher.new(@article).call
  end

  def update
    @article.update!(article_params)
  end

  def destroy
    @article.destroy
  end

  def publish
    Publisher.new(@article).call
  end

  def drafts
    @articles = Article.where(draft: true)
  end

  def popular
    @articles = Article.order(views: :desc).limit(10)
  end

  private

  def set_article
    @article = Article.find(params[:id])
  end

  def article_params
    params.require(:article).permit(:title, :body)
  end
end
