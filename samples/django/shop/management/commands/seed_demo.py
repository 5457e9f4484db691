"""`python manage.py seed_demo`: fills a development database with demo products and
dumps them for the front-end team. A maintenance command, never run by the web server."""
import json
import subprocess
import time
from decimal import Decimal

from django.core.management.base import BaseCommand

from shop.exports import write_orders_csv
from shop.models import Order, Product

CREATED = []


class Command(BaseCommand):
    help = 'Create demo products, then dump them to fixtures/demo.json and fixtures/demo.sql'

    def add_arguments(self, parser):
        parser.add_argument('--count', type=int, default=50)

    def handle(self, *args, **options):
        for i in range(options['count']):
            product = Product.objects.create(sku=f'DEMO-{i}', name=f'Demo product {i}', price=Decimal('9.99'), stock=100)
            CREATED.append(product.pk)
            time.sleep(0.05)
        with open('fixtures/demo.json', 'w', encoding='utf-8') as fh:
            json.dump(CREATED, fh)
        subprocess.run(['pg_dump', '--data-only', '--table=shop_product', '-f', 'fixtures/demo.sql'], check=True)
        write_orders_csv(Order.objects.all(), 'demo-orders.csv')
        self.stdout.write(self.style.SUCCESS(f'{len(CREATED)} demo products'))
