import json
from datetime import date, timedelta

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import cart, exports, invoices, recommendations, reporting
from .models import Order, Product
from .search import search_products


def health(request):
    return JsonResponse({'status': 'ok'})


def legacy(request, id):
    order = get_object_or_404(Order, pk=id)
    return JsonResponse({'order': order.as_dict(), 'deprecated': True})


@method_decorator(csrf_exempt, name='dispatch')
class OrderView(View):
    def get(self, request):
        email = request.GET.get('email', '')
        orders = Order.objects.filter(customer_email=email).order_by('-created_at')[:50]
        return JsonResponse({'orders': [o.as_dict() for o in orders]})

    def post(self, request):
        payload = json.loads(request.body or b'{}')
        if 'email' not in payload or 'country' not in payload:
            return HttpResponseBadRequest('email and country are required')
        order = Order.objects.create(customer_email=payload['email'], country=payload['country'])
        return JsonResponse(order.as_dict(), status=201)


def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk)
    data = order.as_dict()
    data['recommended'] = recommendations.for_order(order)
    return JsonResponse(data)


@require_GET
def order_invoice(request, pk):
    order = get_object_or_404(Order.objects.prefetch_related('lines__product'), pk=pk)
    pdf = invoices.render_pdf(order)
    response = HttpResponse(pdf, content_type='application/pdf')
    response['Content-Disposition'] = f'inline; filename="invoice-{order.pk}.pdf"'
    return response


@csrf_exempt
@require_POST
def add_to_cart(request):
    payload = json.loads(request.body or b'{}')
    product = get_object_or_404(Product, pk=payload.get('product_id'), is_active=True)
    summary = cart.add_item(request, product, int(payload.get('quantity', 1)))
    return JsonResponse(summary)


@require_GET
def search(request):
    query = request.GET.get('q', '').strip()
    return JsonResponse({'query': query, 'results': search_products(query)})


@require_GET
def daily_report(request):
    day = request.GET.get('day') or (date.today() - timedelta(days=1)).isoformat()
    key = f'daily-report:{day}'
    report = cache.get(key)
    if report is None:
        report = reporting.daily_summary(day)
        cache.set(key, report, timeout=300)
    return JsonResponse(report)


@csrf_exempt
@require_POST
def export_report(request):
    since = request.POST.get('since') or (date.today() - timedelta(days=30)).isoformat()
    orders = Order.objects.filter(created_at__date__gte=since).order_by('created_at')
    path = exports.write_orders_csv(orders, f'orders-since-{since}.csv')
    return JsonResponse({'file': path}, status=201)
