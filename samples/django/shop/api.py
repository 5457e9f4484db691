from decimal import Decimal

from django.db import transaction
from django.shortcuts import get_object_or_404
from rest_framework import status, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from . import jobs, payments, shipping
from .models import Order, OrderLine, Product, StockMovement
from .serializers import CheckoutSerializer, ProductSerializer


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.filter(is_active=True).order_by('name')
    serializer_class = ProductSerializer

    def get_queryset(self):
        queryset = super().get_queryset()
        category = self.request.query_params.get('category')
        if category:
            queryset = queryset.filter(category=category)
        return queryset


@api_view(['GET', 'POST'])
def checkout(request):
    if request.method == 'GET':
        country = request.query_params.get('country', 'DE')
        weight = int(request.query_params.get('weight', 1000))
        return Response(shipping.quote(country, weight))

    serializer = CheckoutSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    data = serializer.validated_data
    with transaction.atomic():
        order = Order.objects.create(customer_email=data['email'], country=data['country'])
        total = Decimal('0')
        for line in data['lines']:
            product = Product.objects.select_for_update().get(pk=line['product_id'])
            OrderLine.objects.create(order=order, product=product, quantity=line['quantity'], unit_price=product.price)
            total += product.price * line['quantity']
        order.total = total
        order.payment_ref = payments.charge(order, data['payment_token'])
        order.status = 'paid'
        order.save()
    jobs.schedule_review_request(order.pk)
    return Response(order.as_dict(), status=status.HTTP_201_CREATED)


class InventoryView(APIView):
    def get(self, request, pk):
        product = get_object_or_404(Product, pk=pk)
        movements = StockMovement.objects.filter(product=product).order_by('-created_at')[:20]
        return Response({
            'sku': product.sku,
            'stock': product.stock,
            'movements': [{'delta': m.delta, 'reason': m.reason} for m in movements],
        })

    def put(self, request, pk):
        delta = int(request.data.get('delta', 0))
        with transaction.atomic():
            product = get_object_or_404(Product.objects.select_for_update(), pk=pk)
            product.stock += delta
            product.save(update_fields=['stock'])
            StockMovement.objects.create(product=product, delta=delta, reason=request.data.get('reason', 'manual'))
        return Response({'sku': product.sku, 'stock': product.stock})
