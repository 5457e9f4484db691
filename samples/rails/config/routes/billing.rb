resources :invoices, only: [:index, :show]
