from rest_framework import serializers

from .models import Product


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ['id', 'sku', 'name', 'category', 'price', 'stock', 'weight_grams', 'is_active']


class CheckoutLineSerializer(serializers.Serializer):
    product_id = serializers.IntegerField()
    quantity = serializers.IntegerField(min_value=1, max_value=99)


class CheckoutSerializer(serializers.Serializer):
    email = serializers.EmailField()
    country = serializers.CharField(max_length=2)
    payment_token = serializers.CharField()
    lines = CheckoutLineSerializer(many=True)
