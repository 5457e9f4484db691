from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import catalog

router = DefaultRouter()
router.register(r'items', catalog.CatalogViewSet)
router.register(r'movements', catalog.MovementViewSet)
router.register(r'orders', catalog.OrderSummaryViewSet)

urlpatterns = [
    path('', include(router.urls)),
]
