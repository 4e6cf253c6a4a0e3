from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def customer_badge(customer):
    # Notes may contain the account manager's formatting.
    return mark_safe("<span class='badge'>%s</span> %s" % (customer.country, customer.notes))


@register.filter
def money(value, currency="GBP"):
    symbol = {"GBP": "£", "EUR": "€", "USD": "$"}.get(currency, currency + " ")
    return "%s%s" % (symbol, value)
