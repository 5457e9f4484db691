from django.db import models

STATUS_LABELS = {
    'pending': 'Awaiting payment',
    'paid': 'Paid',
    'shipped': 'Shipped',
    'cancelled': 'Cancelled',
}


class Product(models.Model):
    sku = models.CharField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=80, blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    stock = models.IntegerField(default=0)
    weight_grams = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    def as_dict(self):
        return {'id': self.pk, 'sku': self.sku, 'name': self.name, 'price': str(self.price)}


class Order(models.Model):
    customer_email = models.EmailField()
    country = models.CharField(max_length=2)
    status = models.CharField(max_length=20, choices=list(STATUS_LABELS.items()), default='pending')
    total = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    payment_ref = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def as_dict(self):
        return {
            'id': self.pk,
            'email': self.customer_email,
            'status': self.status,
            'status_label': STATUS_LABELS[self.status],
            'total': str(self.total),
            'created_at': self.created_at.isoformat(),
        }


class OrderLine(models.Model):
    order = models.ForeignKey(Order, related_name='lines', on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)


class StockMovement(models.Model):
    product = models.ForeignKey(Product, related_name='movements', on_delete=models.CASCADE)
    delta = models.IntegerField()
    reason = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)
