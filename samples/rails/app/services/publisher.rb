class Publisher
  def initialize(article)
    @article = article
  end

  def call
    @article.update!(published: true)
    PublishJob.perform_later(@article.id)
  end
end
