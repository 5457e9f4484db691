"""Shopping cart kept in the user's Django session."""


def add_item(request, product, quantity):
    cart = request.session.get('cart', {})
    line = cart.get(str(product.pk), {'quantity': 0, 'price': str(product.price)})
    line['quantity'] += quantity
    cart[str(product.pk)] = line
    request.session['cart'] = cart
    return {'items': cart, 'count': sum(entry['quantity'] for entry in cart.values())}
