require_relative 'app/api/shop/root'

run Shop::Root
