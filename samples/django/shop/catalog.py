"""Read-mostly catalog API for partners: each viewset serves only the actions it has."""
from rest_framework import mixins, serializers, viewsets

from .models import Order, Product, StockMovement


class CatalogItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ['id', 'sku', 'name', 'category', 'price']


class MovementSerializer(serializers.ModelSerializer):
    class Meta:
        model = StockMovement
        fields = ['id', 'product', 'delta', 'reason', 'created_at']


class OrderSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ['id', 'customer_email', 'status', 'total', 'created_at']


class CatalogViewSet(viewsets.ReadOnlyModelViewSet):
    """list and retrieve only."""
    queryset = Product.objects.filter(is_active=True).order_by('sku')
    serializer_class = CatalogItemSerializer


class MovementViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """list and create: movements are never edited or deleted."""
    queryset = StockMovement.objects.select_related('product').order_by('-created_at')
    serializer_class = MovementSerializer


class OrderSummaryViewSet(viewsets.ModelViewSet):
    """A full ModelViewSet cut down to reads and creation by `http_method_names`."""
    queryset = Order.objects.order_by('-created_at')
    serializer_class = OrderSummarySerializer
    http_method_names = ['get', 'post', 'head', 'options']
