from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import api, views

router = DefaultRouter()
router.register(r'products', api.ProductViewSet)

urlpatterns = [
    path('orders/', views.OrderView.as_view(), name='orders'),
    path('orders/<int:pk>/', views.order_detail, name='order-detail'),
    path('orders/<int:pk>/invoice/', views.order_invoice, name='order-invoice'),
    path('cart/add/', views.add_to_cart, name='cart-add'),
    path('search/', views.search, name='search'),
    path('checkout/', api.checkout, name='checkout'),
    path('inventory/<int:pk>/', api.InventoryView.as_view(), name='inventory'),
    path('', include(router.urls)),
]
