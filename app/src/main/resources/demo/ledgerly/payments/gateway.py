"""The card payment provider's charge API."""
import requests
from django.conf import settings


def charge(invoice, card_token):
    """Charges what is left to pay on the invoice to a card; returns the provider's charge."""
    response = requests.post(
        settings.PAYMENT_GATEWAY_URL + "/v1/charges",
        json={
            "amount": str(invoice.balance()),
            "currency": invoice.currency,
            "source": card_token,
            "reference": invoice.number,
        },
        headers={"Authorization": "Bearer " + settings.PAYMENT_GATEWAY_KEY},
    )
    response.raise_for_status()
    return response.json()
