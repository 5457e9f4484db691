Rails.application.routes.draw do
  root 'home#index'

  get 'about', to: 'pages#about'
  get 'status' => 'pages#status'
  match 'search', to: 'search#run', via: [:get, :post]
  get 'home', to: redirect('/')
  get 'feed(.:format)', to: 'pages#about'

  concern :commentable do
    resources :comments, only: [:index, :create]
  end

  resources :articles, concerns: :commentable do
    member do
      post :publish
    end
    collection do
      get :drafts
    end
    get :popular, on: :collection
    resources :attachments, only: [:create, :destroy], shallow: true
  end

  resource :profile, only: [:show, :update]

  namespace :admin do
    resources :users, except: [:new, :edit, :destroy]
    get 'report', to: 'reports#show'
    get '/' => 'reports#show'
  end

  scope module: :api, path: 'api' do
    resources :tokens, only: [:create]
  end

  mount ActionCable.server => '/cable'
  mount Sidekiq::Web => '/sidekiq'

  draw :billing
end
