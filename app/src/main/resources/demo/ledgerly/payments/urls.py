from django.urls import path

from payments import checkout, views

urlpatterns = [
    path("webhook/", views.provider_webhook, name="payment-webhook"),
    path("recent/", views.recent_payments, name="payment-recent"),
    path("checkout/<int:pk>/", checkout.checkout, name="payment-checkout"),
]
