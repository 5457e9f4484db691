from django.contrib.auth import login
from django.http import JsonResponse


def add_item(request, product, quantity):
    cart = request.session.get('cart', {})
    # ok: a read
    line = cart.get(str(product.pk), {'quantity': 0})
    line['quantity'] += quantity
    # ok: a local dict
    cart[str(product.pk)] = line
    # ok: a local dict
    request.session['cart'] = cart
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
    request.session['visits'] += 1
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
    request.session['prefs']['theme'] = 'dark'
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
    request.session.modified = True
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
    if 'coupon' in request.session:
        # ok: a read
        del request.session['coupon']
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
    return JsonResponse({'count': len(cart)})


def logout_view(request):
    request.session.flush()
    #^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
    return JsonResponse({})


class CheckoutView:
    def post(self, request):
        self.request.session.pop('cart', None)
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
        request.session.update({'step': 2})
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
        request.session.set_expiry(300)
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-write
        return JsonResponse({})


def orm(db, engine):
    db.session.flush()
    # ok: SQLAlchemy session flush
    db.session['x'] = 1
    # ok: not request.session
    key = request.session.session_key
    # ok: a read
    return request.session.get('cart')
    # ok: a read


request.session['x'] = 1
# ok: module level (never happens in practice)
